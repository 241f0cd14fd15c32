package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.store.KnowledgeStore;

/** What {@code kontekst import} reports as imported survives the process being killed at once. */
class ImportDurabilityTest {

  @Test
  void articlesReportedOkSurviveASigkillRightAfterTheLine(@TempDir Path tmp) throws Exception {
    int n = 300;
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < n; i++) {
      jsonl.append("{\"id\":\"a").append(i).append("\",\"title\":\"Article number ").append(i)
          .append("\",\"body\":\"The body of article ").append(i).append(", long enough to be an article.\"}\n");
    }
    Path file = Files.writeString(tmp.resolve("many.jsonl"), jsonl);
    Path data = tmp.resolve("data");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(
        java, "-cp", System.getProperty("java.class.path"), "org.kontekst.bot.app.Main",
        "import", "--data", data.toString(), file.toString());
    builder.environment().keySet().removeIf(k -> k.startsWith("KONTEKST_"));
    Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    boolean reported = false;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("ok")) {
          process.destroyForcibly(); // SIGKILL: no shutdown hook, no close
          reported = true;
          break;
        }
      }
    } finally {
      process.destroyForcibly();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    }
    assertTrue(reported, "the import printed its ok line");
    try (KnowledgeStore store = KnowledgeStore.open(data)) {
      assertEquals(n, store.articles().all().size());
    }
  }
}
