package org.kontekst.bot.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.List;
import org.kontekst.bot.bench.CheckBenchmark;
import org.kontekst.bot.bench.TelegramBenchmark;
import org.kontekst.bot.bench.WebhookBenchmark;
import org.kontekst.knowledge.wording.WordingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kontekst bench}: speed and memory figures on the shared datasets. The first run builds a
 * knowledge base of about 20,000 articles in the data directory (default {@code ./data/bench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures check latency, import rate and heap on ~20,000 articles.")
final class BenchCli implements Callable<Integer> {
  private final Environment env;

  BenchCli(Environment env) {
    this.env = env;
  }

  @Mixin private DataOption data;

  @Option(names = "--shared", paramLabel = "DIR", defaultValue = "../shared", description = "The shared datasets folder (default ../shared).")
  private Path shared;

  @Option(names = "--posts", paramLabel = "N", defaultValue = "1000", description = "How many distinct posts to check (default 1000).")
  private int posts;

  @Option(names = "--telegram-posts", paramLabel = "N", defaultValue = "1000", description = "Posts sent through the fake Bot API (default 1000).")
  private int telegramPosts;

  @Option(names = "--telegram-rate", paramLabel = "R", defaultValue = "200", description = "Posts offered per second through the fake Bot API (default 200).")
  private int telegramRate;

  @Option(names = "--webhook-instances", paramLabel = "N", defaultValue = "2", description = "Webhook instances sharing one database, in turn (default 2).")
  private int webhookInstances;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (!Files.isDirectory(shared.resolve("data/clef2020-task2"))) {
      System.err.println(shared + " has no data/clef2020-task2: point --shared at the shared datasets folder");
      return 2;
    }
    Path dir = data.isSet() ? data.dataDir() : Path.of("data", "bench");
    CheckBenchmark.Result r = CheckBenchmark.run(dir, shared, posts, () -> env.embedding().create(), System.err);
    out.printf("knowledge base       %,d articles%n", r.articles());
    if (!Double.isNaN(r.importRate())) {
      out.printf("import               %.0f articles/s (store %.0f/s, index with embeddings %.0f/s)%n",
          r.importRate(), r.storeRate(), r.indexRate());
    }
    out.printf("check, uncached      p50 %.2f ms, p99 %.2f ms (%d distinct posts)%n", r.p50(), r.p99(), r.checks());
    out.printf("check, cached repeat p50 %.3f ms, p99 %.3f ms%n", r.cachedP50(), r.cachedP99());
    out.printf("floor (embed+search) p50 %.2f ms; check/floor %.2fx%n", r.floorP50(), r.floorRatio());
    out.printf("heap in use          %.0f MB (max %d MB)%n", r.heapMb(), Runtime.getRuntime().maxMemory() >> 20);

    for (WordingBenchmark.Result w : WordingBenchmark.run()) {
      out.printf("wording              %s%n", w);
    }

    try (Engine engine = Engine.open(dir, env.embedding()::create)) {
      List<String> texts = CheckBenchmark.posts(shared);
      // Each end-to-end run starts with no cached answers, or a later run would find the posts of
      // an earlier one answered.
      engine.forgetAnswers();
      TelegramBenchmark.Result t =
          TelegramBenchmark.run(engine.checker(), engine.threshold(), telegramPosts, telegramRate, texts);
      out.printf("telegram end to end  %s (offered %d/s, real engine, distinct posts)%n", t, telegramRate);
      for (int instances = 1; instances <= webhookInstances; instances++) {
        engine.forgetAnswers();
        TelegramBenchmark.Result w =
            WebhookBenchmark.run(engine.checker(), engine.threshold(), telegramPosts, telegramRate, texts, instances);
        out.printf("webhook end to end   %s (offered %d/s, %d instance(s) on one H2 file)%n", w, telegramRate, instances);
      }
    }
    return 0;
  }
}
