package org.kontekst.bot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdStartBenchmarkTest {
  private static final Path DEMO = Path.of("..", "demo", "kb");
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void timesFreshJvmsThatAnswerWithAMatchFromTheDemoKnowledgeBase() throws Exception {
    assumeTrue(Files.isDirectory(DEMO), "demo/kb is missing (tests run from the module folder)");
    List<ColdStartBenchmark.Result> results =
        ColdStartBenchmark.run(DEMO, 1, List.of(ColdStartBenchmark.plainJava()), QUIET);

    assertEquals(1, results.size());
    ColdStartBenchmark.Result r = results.get(0);
    assertEquals(1, r.runs());
    assertTrue(r.p50() > 0 && r.p50() <= r.exitP50(), r.toString());
  }

  @Test
  void aRunThatFailsStopsTheBenchmarkSayingWhich() {
    ColdStartBenchmark.Variant broken =
        new ColdStartBenchmark.Variant("broken", List.of("sh", "-c", "exit 3", "sh"));
    IOException e =
        assertThrows(IOException.class, () -> ColdStartBenchmark.run(DEMO, 1, List.of(broken), QUIET));
    assertTrue(e.getMessage().contains("broken import exited with 3"), e.getMessage());
  }

  @Test
  void aRunThatAnswersWithoutAMatchIsNotCounted() {
    ColdStartBenchmark.Variant silent =
        new ColdStartBenchmark.Variant("silent", List.of("sh", "-c", "echo '{\"matches\":[]}'", "sh"));
    IOException e =
        assertThrows(IOException.class, () -> ColdStartBenchmark.run(DEMO, 1, List.of(silent), QUIET));
    assertTrue(e.getMessage().contains("did not answer with a match"), e.getMessage());
  }

  @Test
  void theLauncherSaysHowToBuildTheJarWhenItIsMissing(@TempDir Path dir) throws Exception {
    Path script = Path.of("..", "kontekst");
    assumeTrue(Files.isRegularFile(script), "the kontekst launcher is missing (tests run from the module folder)");
    Path copy = Files.copy(script, dir.resolve("kontekst"));
    Process process = new ProcessBuilder("sh", copy.toString(), "check", "a post").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.waitFor());
    assertTrue(output.contains("mvn -B -q -DskipTests package"), output);
  }
}
