package org.kontekst.knowledge.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.lifecycle.ExecutorStop;
import org.kontekst.knowledge.store.ArticleRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hybrid retrieval over the knowledge base: the public face of this package.
 *
 * <p>Three channels find candidates: language-neutral features (alias-table concepts, quantities,
 * name skeletons), content-word lemmas (BM25-style coverage), and embedding similarity (the post
 * itself for English, its English gloss otherwise). {@link Scoring} fuses the signals into one
 * calibrated confidence.
 */
public final class Retrieval implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Retrieval.class);
  private static final int PER_CHANNEL = 30;

  /**
   * Posts with fewer words are too vague to match on their own (Meedan's tiplines do not
   * auto-match texts under 8 words); they are still ranked when no threshold is asked for.
   */
  static final int MIN_WORDS = 6;

  private final SearchIndex index;
  private final ArticleRepository articles;
  private final Scoring scoring;
  private volatile PassageFinder passages;
  private final ExecutorService embeddings;

  private Retrieval(SearchIndex index, ArticleRepository articles, TextAnalysis analysis) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256),
            runnable -> {
              Thread t = new Thread(runnable, "kontekst-embed");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    this.embeddings = pool;
    this.index = index;
    this.articles = articles;
    this.scoring = new Scoring();
    this.passages = new PassageFinder(analysis);
  }

  /**
   * Opens the index under {@code indexDir}, rebuilding it first when it is missing or was built
   * from another KB revision, alias table or embedding model.
   */
  public static Retrieval open(
      Path indexDir, ArticleRepository articles, Embedder embedder, List<AliasTable.Source> extraAliases) {
    return open(indexDir, articles, embedder, vocabulary(extraAliases));
  }

  /**
   * The language side of retrieval: the lemmatizer's dictionary and the alias table, which take
   * about a second to load. Load it beside other start-up work and hand it to {@link #open}.
   */
  public static final class Vocabulary {
    private final TextAnalysis analysis;

    private Vocabulary(TextAnalysis analysis) {
      this.analysis = analysis;
    }
  }

  /**
   * Reads the lemmatizer's dictionaries (the Ukrainian one is 7 MB) now, beside other start-up
   * work; every vocabulary loaded later shares them.
   */
  public static void preloadDictionaries() {
    new Lemmatizer();
  }

  /** Loads the bundled alias table plus {@code extraAliases}. */
  public static Vocabulary vocabulary(List<AliasTable.Source> extraAliases) {
    return vocabulary(extraAliases, Optional.empty());
  }

  /**
   * As {@link #vocabulary(List)}, keeping the built alias table in {@code cacheFile} for the next
   * start (when running from a jar; see {@link AliasCache}).
   */
  public static Vocabulary vocabulary(List<AliasTable.Source> extraAliases, Path cacheFile) {
    return vocabulary(extraAliases, AliasCache.forThisBuild(cacheFile));
  }

  private static Vocabulary vocabulary(List<AliasTable.Source> extraAliases, Optional<AliasCache> cache) {
    Lemmatizer lemmatizer = new Lemmatizer();
    AliasTable aliases =
        cache.isPresent()
            ? AliasTable.load(lemmatizer, extraAliases, cache.get())
            : AliasTable.load(lemmatizer, extraAliases);
    return new Vocabulary(new TextAnalysis(lemmatizer, aliases));
  }

  /** Opens the index with a vocabulary loaded beforehand; see {@link #open(Path, ArticleRepository, Embedder, List)}. */
  public static Retrieval open(
      Path indexDir, ArticleRepository articles, Embedder embedder, Vocabulary vocabulary) {
    Objects.requireNonNull(articles, "articles");
    TextAnalysis analysis = vocabulary.analysis;
    SearchIndex index = SearchIndex.open(indexDir, analysis, embedder);
    Retrieval retrieval = new Retrieval(index, articles, analysis);
    try {
      retrieval.refreshIfStale();
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    return retrieval;
  }

  /**
   * Reloads the alias table (the bundled one plus {@code extraAliases}) and rebuilds the index
   * with it, reusing stored vectors: curators' aliases take effect at once.
   *
   * @throws IllegalArgumentException when an alias source does not parse; nothing changes then
   */
  public synchronized void reloadAliases(List<AliasTable.Source> extraAliases) {
    TextAnalysis analysis = vocabulary(extraAliases).analysis;
    long start = System.nanoTime();
    // The revision before the articles: a write in between is fetched again by the next catch-up.
    long revision = articles.revision();
    index.reanalyze(analysis, articles.published(), revision);
    passages = new PassageFinder(analysis);
    log.info("reloaded the alias table and rebuilt the index in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  /** Rebuilds the index when the KB changed behind its back (e.g. by an import in another run). */
  public synchronized void refreshIfStale() {
    long revision = articles.revision();
    if (!index.isCurrent(revision) || index.revision() != revision) {
      long start = System.nanoTime();
      List<Article> published = articles.published();
      index.rebuild(published, revision);
      log.info(
          "rebuilt the search index: {} articles in {} ms",
          published.size(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * Brings the index up to the store's KB revision, whoever wrote it (curation here, or another
   * instance that shares the database): fetches only the articles written since the revision the
   * index holds, and adds, replaces or removes them. An index with no revision, or one ahead of the
   * store (a database replaced under it), is rebuilt.
   *
   * @return whether anything changed
   */
  public synchronized boolean catchUp() {
    long indexed = index.revision();
    long current = articles.revision();
    if (indexed == current) {
      return false;
    }
    if (indexed < 0 || indexed > current) {
      index.rebuild(articles.published(), current);
      return true;
    }
    ArticleRepository.Changes changes = articles.changedSince(indexed);
    index.update(changes.articles(), changes.revision());
    log.debug("index caught up from KB revision {} to {}: {} articles", indexed, changes.revision(),
        changes.articles().size());
    return true;
  }

  public int size() {
    return index.size();
  }

  /**
   * Finds the articles that speak to {@code text}, most relevant first. Each carries its
   * confidence, which decides whether it is reported; the order is by relevance, so a confidence
   * may be lower than the next one's.
   *
   * @param minConfidence drop articles below this confidence ({@code 0} keeps the top {@code max})
   */
  public List<Found> find(String text, String language, int max, double minConfidence) {
    // English posts are embedded as they are, at once; others through their English gloss, which
    // needs the analysis first. Either way the embedding runs beside the lexical searches. A post
    // too short to match is not embedded at all: a running embedding cannot be called off.
    boolean english = "en".equals(language) && (minConfidence <= 0 || TextAnalysis.words(text) >= MIN_WORDS);
    CompletableFuture<float[]> early = english ? embedAsync(forEmbedding(text)) : null;
    Analyzed query = index.analyze(text, language);
    if (minConfidence > 0 && query.words() < MIN_WORDS) {
      return List.of();
    }
    CompletableFuture<float[]> vector;
    if (early != null && !query.cyrillic()) {
      vector = early;
    } else {
      vector = query.gloss().isBlank() ? CompletableFuture.completedFuture(null) : embedAsync(query.gloss());
    }
    List<Candidate> candidates = index.search(query, vector::join, PER_CHANNEL);
    List<Scored> scored = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      double confidence = scoring.confidence(c, query);
      if (confidence >= minConfidence) scored.add(new Scored(c, scoring.relevance(c, query), confidence));
    }
    scored.sort(Comparator.comparingDouble(Scored::relevance).reversed());
    List<Found> out = new ArrayList<>(Math.min(max, scored.size()));
    for (Scored s : scored) {
      if (out.size() >= max) break;
      IndexedArticle article = index.article(s.candidate().id());
      if (article == null) continue;
      out.add(new Found(article, s.confidence(), passages.best(article, query), s.candidate()));
    }
    return out;
  }

  /**
   * Links with a scheme or "www.", and bare ones with a path ("t.me/channel/123",
   * "pic.twitter.com/AbC12"): a word that is a host name with a letters-only last label, then a
   * slash. Matching starts at a word's start only, so a long unbroken word costs linear time.
   */
  private static final java.util.regex.Pattern LINKS =
      java.util.regex.Pattern.compile("(?:https?://|www\\.)\\S+|(?<!\\S)[^\\s/]+\\.\\p{L}{2,}/\\S*");

  /**
   * A post as the embedding model should read it: links say nothing the model can use and cost
   * many word pieces each (a shortened one about a dozen), so they go.
   */
  static String forEmbedding(String text) {
    return LINKS.matcher(text).replaceAll(" ").strip();
  }

  private record Scored(Candidate candidate, double relevance, double confidence) {}

  private CompletableFuture<float[]> embedAsync(String text) {
    try {
      return CompletableFuture.supplyAsync(() -> index.embed(text), embeddings);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return CompletableFuture.completedFuture(index.embed(text));
    }
  }

  /**
   * Does the least any check must do, one query embedding and one Lucene search, and nothing
   * else: the floor that benchmarks compare a whole check against. The text is embedded as a check
   * embeds it (links removed), so the floor is not inflated by work a check never does.
   */
  public int floor(String text, String language) {
    Analyzed query = index.analyze(text, language);
    index.embed(forEmbedding(text));
    return index.searchTermsOnly(query);
  }

  /** The threshold below which a match is not reported, as calibrated on evaluation data. */
  public double threshold() {
    return scoring.threshold();
  }

  @Override
  public void close() {
    try {
      ExecutorStop.gracefully(embeddings, Duration.ofSeconds(10));
    } finally {
      index.close();
    }
  }
}
