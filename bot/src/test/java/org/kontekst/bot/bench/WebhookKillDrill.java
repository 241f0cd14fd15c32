package org.kontekst.bot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.ingest.ArticleImporter;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.KnowledgeStore;

/**
 * The crash drill, on real processes: {@code kontekst bot --webhook} from the built jar, fed by the
 * fake Telegram, is killed with SIGKILL while posts pour in, then started again on the same data;
 * every post must be answered, and answered twice only as often as the restarted instance counts
 * ambiguous sends. Only when asked, after {@code mvn package}:
 * {@code mvn -pl bot -am test -Dtest=WebhookKillDrill -Dkontekst.drill=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * It takes about a minute (the 30 s lease). The multi-instance proof runs the same with several
 * processes on PostgreSQL behind nginx.
 */
class WebhookKillDrill {
  private static final String TOKEN = "1:DRILL";
  private static final String SECRET = "drill_secret";
  private static final Path JAR = Path.of("target", "kontekst.jar");
  private static final List<String> POSTS =
      List.of(
          "Путін і Кім Чен Ин підписали в Пхеньяні договір про всеосяжне стратегічне партнерство.",
          "MH17 was shot down by a Ukrainian jet over Donetsk region, not by a Buk missile from Russia.",
          "Каховську ГЕС підірвали ЗСУ, а не російські війська, Нова Каховка під водою.",
          "Our cat Murzik learned to open the fridge and ate all the cheese on Sunday.");

  @TempDir Path data;

  @Test
  @EnabledIfSystemProperty(named = "kontekst.drill", matches = "true")
  void should_answer_every_post_after_a_sigkill_and_duplicate_only_what_it_counts() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "bot/target/kontekst.jar is missing: run mvn package first");
    int posts = Integer.getInteger("kontekst.drill.posts", 600);
    int killAfter = Integer.getInteger("kontekst.drill.kill-after", posts / 2);
    try (KnowledgeStore store = KnowledgeStore.open(data)) {
      new ArticleImporter(store.articles(), LanguageDetector.standard()).importPaths(List.of(Path.of("..", "demo", "kb")));
    }
    int port = freePort();
    int metricsPort = freePort();
    try (FakeBotApi api = FakeBotApi.start(TOKEN)) {
      Process first = bot(api, port, metricsPort, "first");
      awaitHealthy(port);
      List<FakeBotApi.Answer> expected = new ArrayList<>();
      for (int i = 0; i < posts; i++) {
        long chat = 7000 + i;
        api.enqueue(Updates.privateMessage(i + 1, chat).from(chat, "uk").text(POSTS.get(i % POSTS.size()) + " " + i).update(api.nextUpdateId()));
        expected.add(new FakeBotApi.Answer(chat, i + 1));
      }
      while (api.webhook().accepted() < killAfter) {
        Thread.sleep(1);
      }
      first.destroyForcibly().waitFor();
      System.out.println("SIGKILL after " + api.webhook().accepted() + " accepted, " + api.answers().size() + " answered");

      Process second = bot(api, port, metricsPort, "second");
      try {
        awaitHealthy(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!api.answers().keySet().containsAll(expected) && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        Map<FakeBotApi.Answer, Integer> answers = api.answers();
        long missing = expected.stream().filter(a -> !answers.containsKey(a)).count();
        int twice = answers.values().stream().mapToInt(n -> n - 1).sum();
        double ambiguous = counter(metricsPort, "kontekst_sends_ambiguous_total");
        System.out.println(missing + " unanswered, " + twice + " answered twice, " + ambiguous + " ambiguous sends counted");
        assertEquals(0, missing, "every post is answered");
        assertTrue(twice <= ambiguous, twice + " duplicates, only " + ambiguous + " counted");
      } finally {
        second.destroy();
        second.waitFor();
      }
    }
  }

  private Process bot(FakeBotApi api, int port, int metricsPort, String name) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("java", "-Xmx512m", "-jar", JAR.toString(), "bot", "--webhook", "--data", data.toString());
    Map<String, String> env = builder.environment();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_API_URL", api.url().toString());
    env.put("KONTEKST_WEBHOOK_SECRET", SECRET);
    env.put("KONTEKST_WEBHOOK_LISTEN", "127.0.0.1:" + port);
    env.put("KONTEKST_WEBHOOK_URL", "http://127.0.0.1:" + port + "/telegram/webhook");
    env.put("KONTEKST_METRICS_PORT", String.valueOf(metricsPort));
    return builder.redirectErrorStream(true).redirectOutput(data.resolve(name + ".log").toFile()).start();
  }

  private static void awaitHealthy(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        URI health = URI.create("http://127.0.0.1:" + port + "/healthz");
        if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the bot did not become healthy on port " + port);
  }

  private static double counter(int metricsPort, String name) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    return body.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1))).sum();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
