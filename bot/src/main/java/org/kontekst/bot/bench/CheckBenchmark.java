package org.kontekst.bot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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
 * and the heap in use.
 */
public final class CheckBenchmark {
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
      int warm = Math.min(50, posts.size() / 5);
      for (int i = 0; i < warm; i++) {
        engine.retrieval().floor(posts.get(posts.size() - 1 - i), "en");
      }
      log.printf("checking %d distinct posts...%n", posts.size());
      double[] uncached = new double[posts.size()];
      for (int i = 0; i < posts.size(); i++) {
        long t = System.nanoTime();
        checker.check(new Post("", posts.get(i), "", ""), 3, threshold);
        uncached[i] = (System.nanoTime() - t) / 1e6;
      }
      int repeats = Math.min(500, posts.size());
      double[] cached = new double[repeats];
      for (int i = 0; i < repeats; i++) {
        long t = System.nanoTime();
        checker.check(new Post("", posts.get(i), "", ""), 3, threshold);
        cached[i] = (System.nanoTime() - t) / 1e6;
      }
      double[] floor = new double[posts.size()];
      for (int i = 0; i < posts.size(); i++) {
        long t = System.nanoTime();
        engine.retrieval().floor(posts.get(i), "en");
        floor[i] = (System.nanoTime() - t) / 1e6;
      }
      Runtime rt = Runtime.getRuntime();
      System.gc();
      double heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
      return new Result(engine.articleCount(), storeRate, indexRate, importRate, posts.size(),
          percentile(uncached, 50), percentile(uncached, 99), percentile(cached, 50),
          percentile(cached, 99), percentile(floor, 50), heapMb);
    }
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
