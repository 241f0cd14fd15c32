package org.kontekst.bot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.kontekst.knowledge.search.Embedder;
import org.kontekst.bot.app.Engine;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.store.KnowledgeStore;

/**
 * Measures the engine on a knowledge base of about 20,000 articles: import and indexing rate,
 * latency of uncached and cached checks, the floor (one query embedding plus one Lucene search)
 * and the heap in use. Latencies are those of a warmed-up JVM; the warm-up's own figure is
 * reported beside them.
 */
public final class CheckBenchmark {
  /** Checks run on other texts before the timed ones. */
  static final int WARM_UP = 1000;

  private CheckBenchmark() {}

  /** The figures of one run. Times in milliseconds. */
  public record Result(
      int articles,
      double storeRate,
      double indexRate,
      double importRate,
      int checks,
      double p50,
      double p99,
      double cachedP50,
      double cachedP99,
      double floorP50,
      double floorP99,
      int warmUpChecks,
      double warmUpP50,
      double heapMb) {

    public double floorRatio() {
      return p50 / floorP50;
    }
  }

  public static Result run(
      Path dataDir, Path shared, int maxPosts, Supplier<Embedder> embedder, PrintStream log)
      throws IOException {
    List<Article> corpus = BenchCorpus.articles(shared);
    double storeRate = Double.NaN;
    double indexRate = Double.NaN;
    double importRate = Double.NaN;
    try (KnowledgeStore store = KnowledgeStore.open(dataDir)) {
      if (store.articles().count(ArticleStatus.PUBLISHED) != corpus.size()) {
        log.printf("storing %d articles...%n", corpus.size());
        long start = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += 1000) {
          store.articles().upsertAll(corpus.subList(from, Math.min(corpus.size(), from + 1000)));
        }
        double storeSeconds = (System.nanoTime() - start) / 1e9;
        storeRate = corpus.size() / storeSeconds;
        log.printf("indexing (embeddings for every article)...%n");
        long indexStart = System.nanoTime();
        try (Engine engine = Engine.open(dataDir, embedder)) {
          double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
          indexRate = engine.articleCount() / indexSeconds;
          importRate = corpus.size() / (storeSeconds + indexSeconds);
        }
      }
    }
    List<String> posts = BenchCorpus.posts(shared);
    if (posts.size() > maxPosts) posts = posts.subList(0, maxPosts);
    try (Engine engine = Engine.open(dataDir, embedder)) {
      Checker checker = engine.checker();
      double threshold = engine.threshold();
      // A fresh JVM runs its first thousand or so checks interpreted or half-compiled, while the
      // compiler threads take a core from the model. Those checks are timed apart, on texts that
      // are not among the posts (article titles), so that the posts are timed as a running bot
      // answers them.
      List<String> warmUp = warmUpTexts(corpus, WARM_UP);
      log.printf("warming up on %d article titles...%n", warmUp.size());
      double[] cold = new double[warmUp.size()];
      for (int i = 0; i < warmUp.size(); i++) {
        long t = System.nanoTime();
        checker.check(new Post("", warmUp.get(i), "", ""), 3, threshold);
        cold[i] = (System.nanoTime() - t) / 1e6;
        engine.retrieval().floor(warmUp.get(i), "en");
      }
      engine.forgetAnswers();
      log.printf("checking %d distinct posts...%n", posts.size());
      // Each post's check and floor are timed back to back, in alternating order, so that both
      // see the same moment of a shared machine.
      double[] uncached = new double[posts.size()];
      double[] floor = new double[posts.size()];
      for (int i = 0; i < posts.size(); i++) {
        String text = posts.get(i);
        if (i % 2 == 0) floor[i] = timeFloor(engine, text);
        long t = System.nanoTime();
        checker.check(new Post("", text, "", ""), 3, threshold);
        uncached[i] = (System.nanoTime() - t) / 1e6;
        if (i % 2 == 1) floor[i] = timeFloor(engine, text);
      }
      int repeats = Math.min(500, posts.size());
      double[] cached = new double[repeats];
      for (int i = 0; i < repeats; i++) {
        long t = System.nanoTime();
        checker.check(new Post("", posts.get(i), "", ""), 3, threshold);
        cached[i] = (System.nanoTime() - t) / 1e6;
      }
      Runtime rt = Runtime.getRuntime();
      System.gc();
      double heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
      return new Result(engine.articleCount(), storeRate, indexRate, importRate, posts.size(),
          percentile(uncached, 50), percentile(uncached, 99), percentile(cached, 50),
          percentile(cached, 99), percentile(floor, 50), percentile(floor, 99), cold.length,
          percentile(cold, 50), heapMb);
    }
  }

  private static double timeFloor(Engine engine, String text) {
    long t = System.nanoTime();
    engine.retrieval().floor(text, "en");
    return (System.nanoTime() - t) / 1e6;
  }

  /** Up to {@code n} titles spread over the corpus: texts like posts, but not the posts. */
  static List<String> warmUpTexts(List<Article> corpus, int n) {
    List<String> out = new ArrayList<>(n);
    int step = Math.max(1, corpus.size() / Math.max(1, n));
    for (int i = 0; i < corpus.size() && out.size() < n; i += step) {
      String title = corpus.get(i).title();
      if (!title.isBlank()) out.add(title);
    }
    return out;
  }

  /** The distinct posts the benchmark checks. */
  public static List<String> posts(Path shared) throws IOException {
    return BenchCorpus.posts(shared);
  }

  static double percentile(double[] values, double p) {
    if (values.length == 0) return Double.NaN;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
