package org.kontekst.bot.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.Optional;
import org.kontekst.bot.bench.CheckBenchmark;
import org.kontekst.bot.bench.ClusterBenchmark;
import org.kontekst.bot.bench.ColdStartBenchmark;
import org.kontekst.bot.bench.TelegramBenchmark;
import org.kontekst.bot.bench.WebhookBenchmark;
import org.kontekst.knowledge.wording.WordingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kontekst bench}: speed and memory figures on the shared datasets. The first run builds a
 * knowledge base of about 20,000 articles in the data directory (default {@code ./data/bench}).
 * {@code kontekst bench --cluster} runs the multi-instance proof instead ({@link ClusterBenchmark}):
 * exit code 1 when an update was lost or answered twice unreported, 2 without PostgreSQL or nginx.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures check latency, import rate and heap on ~20,000 articles.",
      "With --cluster: instances behind nginx on PostgreSQL, one killed with SIGKILL, every update counted."
    })
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

  @Option(names = "--telegram-posts", paramLabel = "N", defaultValue = "1267", description = "Posts sent through the fake Bot API (default 1267, every distinct post of the shared data; 0 skips the end-to-end runs).")
  private int telegramPosts;

  @Option(names = "--telegram-rate", paramLabel = "R", defaultValue = "200", description = "Posts offered per second through the fake Bot API (default 200).")
  private int telegramRate;

  @Option(names = "--webhook-instances", paramLabel = "N", defaultValue = "2", description = "Webhook instances sharing one database, in turn (default 2).")
  private int webhookInstances;

  @Option(
      names = "--cold-start",
      paramLabel = "N",
      defaultValue = "0",
      description = "Time N cold starts to the first answer on the --kb knowledge base instead (each a fresh JVM).")
  private int coldStarts;

  @Option(
      names = "--launcher",
      paramLabel = "FILE",
      defaultValue = "kontekst",
      description = "The launcher script the cold starts also time, when it exists (default ./kontekst).")
  private Path launcher;

  @Option(names = "--cluster", description = "Run the multi-instance proof (PostgreSQL, nginx, separate processes) instead.")
  private boolean cluster;

  @Option(names = "--cluster-instances", paramLabel = "N", defaultValue = "3", description = "Instances behind nginx (default 3).")
  private int clusterInstances;

  @Option(names = "--cluster-updates", paramLabel = "N", defaultValue = "10000", description = "Updates pushed per run (default 10000).")
  private int clusterUpdates;

  @Option(
      names = "--cluster-rate",
      paramLabel = "R",
      defaultValue = "25",
      description = "Updates pushed per second (default 25: below the 30 sends a second Telegram allows a bot, which the instances share).")
  private int clusterRate;

  @Option(
      names = "--cluster-failures",
      paramLabel = "F",
      split = ",",
      defaultValue = "0,0.1",
      description = "One run per fraction of sendMessage calls failed with 429 or 5xx (default 0,0.1: a clean run, then 10%%).")
  private List<Double> clusterFailures;

  @Option(
      names = "--cluster-kill",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Kill one instance with SIGKILL half-way and restart it (default on; --no-cluster-kill to keep all up).")
  private boolean clusterKill;

  @Option(names = "--cluster-restart-after", paramLabel = "SECONDS", defaultValue = "5", description = "How long the killed instance stays down (default 5).")
  private int clusterRestartAfter;

  @Option(
      names = "--cluster-telegram-latency",
      paramLabel = "MS",
      defaultValue = "100",
      description = "How long the fake Telegram takes to answer sendMessage, in ms (default 100, a distant server).")
  private int clusterTelegramLatency;

  @Option(names = "--cluster-heap", paramLabel = "SIZE", defaultValue = "256m", description = "Each instance's -Xmx (default 256m).")
  private String clusterHeap;

  @Option(names = "--kb", paramLabel = "DIR", defaultValue = "demo/kb", description = "The knowledge base the cluster serves and the cold starts check against (default demo/kb).")
  private Path kb;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (cluster) {
      return cluster(out);
    }
    if (coldStarts != 0) {
      return coldStart(out);
    }
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
    out.printf("floor (embed+search) p50 %.2f ms, p99 %.2f ms; check/floor %.2fx (p50s, timed back to back)%n",
        r.floorP50(), r.floorP99(), r.floorRatio());
    out.printf("check, warming up    p50 %.2f ms (the first %d checks after start, on article titles)%n",
        r.warmUpP50(), r.warmUpChecks());
    out.printf("heap in use          %.0f MB (max %d MB)%n", r.heapMb(), Runtime.getRuntime().maxMemory() >> 20);

    for (WordingBenchmark.Result w : WordingBenchmark.run()) {
      out.printf("wording              %s%n", w);
    }

    if (telegramPosts == 0) {
      return 0;
    }
    try (Engine engine = Engine.open(dir, env.embedding()::create)) {
      List<String> texts = CheckBenchmark.posts(shared);
      // Each run warms its bot up, then forgets the answers, so every measured post is checked.
      TelegramBenchmark.Result t =
          TelegramBenchmark.run(engine.checker(), engine.threshold(), telegramPosts, telegramRate, texts, engine::forgetAnswers);
      out.printf("telegram end to end  %s (offered %d/s, real engine, distinct posts)%n", t, telegramRate);
      for (int instances = 1; instances <= webhookInstances; instances++) {
        TelegramBenchmark.Result w =
            WebhookBenchmark.run(
                engine.checker(), engine.threshold(), telegramPosts, telegramRate, texts, instances, engine::forgetAnswers);
        out.printf("webhook end to end   %s (offered %d/s, %d instance(s) on one H2 file)%n", w, telegramRate, instances);
      }
    }
    return 0;
  }

  private Integer coldStart(PrintStream out) throws Exception {
    if (coldStarts < 0) {
      System.err.println("--cold-start must be a number of runs, 1 or more");
      return 2;
    }
    if (!Files.isDirectory(kb)) {
      System.err.println(kb + " is not a folder: point --kb at a knowledge base (the demo's is demo/kb)");
      return 2;
    }
    List<ColdStartBenchmark.Variant> variants = new ArrayList<>();
    variants.add(ColdStartBenchmark.plainJava());
    if (Files.isRegularFile(launcher)) {
      variants.add(ColdStartBenchmark.launcher(launcher));
    } else {
      System.err.println("no launcher at " + launcher + ": timing java -jar only");
    }
    for (ColdStartBenchmark.Result r : ColdStartBenchmark.run(kb, coldStarts, variants, System.err)) {
      out.printf("cold start           %s%n", r);
    }
    return 0;
  }

  private Integer cluster(PrintStream out) throws Exception {
    Optional<String> missing = ClusterBenchmark.missing();
    if (missing.isPresent()) {
      System.err.println(missing.get());
      return 2;
    }
    if (!Files.isDirectory(kb)) {
      System.err.println(kb + " is not a folder: point --kb at a knowledge base (the demo's is demo/kb)");
      return 2;
    }
    List<ClusterBenchmark.Options> runs = new ArrayList<>();
    try {
      for (double failures : clusterFailures) {
        runs.add(
            new ClusterBenchmark.Options(
                clusterInstances, clusterUpdates, clusterRate, failures, clusterKill,
                Duration.ofSeconds(clusterRestartAfter), Duration.ofMillis(clusterTelegramLatency), kb, clusterHeap));
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    List<ClusterBenchmark.Result> results = new ArrayList<>();
    for (ClusterBenchmark.Options options : runs) {
      out.printf("run: %d instances, %,d updates at %d/s, sendMessage failing %.0f%%, kill %s%n",
          options.instances(), options.updates(), options.rate(), options.failureRate() * 100, options.kill() ? "on" : "off");
      results.add(ClusterBenchmark.run(options, out));
    }
    out.print(ClusterBenchmark.table(results));
    return results.stream().allMatch(ClusterBenchmark.Result::ok) ? 0 : 1;
  }
}
