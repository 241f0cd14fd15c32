package org.kontekst.bot.app;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.Set;
import org.kontekst.bot.command.Conversation;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.KnowledgeChecker;
import org.kontekst.knowledge.ingest.PageFetcher;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.bot.curation.AliasCuration;
import org.kontekst.knowledge.search.AliasEntry;
import org.kontekst.knowledge.search.AliasTable;
import org.kontekst.knowledge.search.CuratedAliases;
import org.kontekst.knowledge.search.Embedder;
import org.kontekst.knowledge.search.Retrieval;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.RevisionPoller;
import org.kontekst.knowledge.store.Revisions;
import org.kontekst.knowledge.store.StoreConfig;
import org.kontekst.knowledge.wording.CuratedLexicon;
import org.kontekst.knowledge.wording.Wording;

/**
 * The knowledge side of Kontekst assembled from a data directory: the store, the search index
 * (rebuilt when stale) and the checker. Every subcommand that checks posts opens one and closes it.
 *
 * <p>What the engine holds in memory (the index, the curated lexicon and aliases, cached answers)
 * follows the database through one {@link RevisionPoller}: a write made here applies at once, and
 * on a database that several instances share (PostgreSQL) the engine also polls the revisions
 * every {@link #POLL_INTERVAL}, so that another instance's write applies here within about that.
 */
public final class Engine implements AutoCloseable {
  /** A curator's additions to the bundled alias table, if the data directory has one. */
  static final String EXTRA_ALIASES = "aliases.tsv";
  /**
   * The built alias tables (derived data, rebuilt when missing or stale): the bundled table with
   * {@link #EXTRA_ALIASES}, and the same with curators' aliases from the database.
   */
  static final String ALIAS_CACHE = "cache/aliases.bin";

  static final String CURATED_ALIAS_CACHE = "cache/aliases-curated.bin";

  /** How often an engine on a shared database looks for other instances' writes. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  private final KnowledgeStore store;
  private final Retrieval retrieval;
  private final KnowledgeChecker checker;
  private final CuratedLexicon lexicon;
  private final LanguageDetector languages;
  private final CuratedAliases aliases;
  private final List<AliasTable.Source> extraAliases;
  private final RevisionPoller revisions;

  private Engine(
      KnowledgeStore store,
      Retrieval retrieval,
      KnowledgeChecker checker,
      CuratedLexicon lexicon,
      LanguageDetector languages,
      CuratedAliases aliases,
      List<AliasTable.Source> extraAliases,
      RevisionPoller revisions) {
    this.store = store;
    this.retrieval = retrieval;
    this.checker = checker;
    this.lexicon = lexicon;
    this.languages = languages;
    this.aliases = aliases;
    this.extraAliases = List.copyOf(extraAliases);
    this.revisions = revisions;
    revisions.on(Revisions.ARTICLES, () -> {
      retrieval.catchUp();
      checker.invalidate();
    });
    revisions.on(Revisions.LEXICON, lexicon::reload);
    revisions.on(Revisions.ALIASES, this::reloadAliases);
  }

  /**
   * The curators' aliases (stored in the database, after the bundled table and {@code
   * aliases.tsv}): each add or remove reloads the alias table and rebuilds the index, reusing
   * stored vectors, and drops cached answers.
   */
  public AliasCuration aliases() {
    return new AliasCuration() {
      @Override
      public synchronized long add(AliasEntry entry, String curator) {
        long id = aliases.add(entry, curator);
        try {
          revisions.catchUp(Revisions.ALIASES);
        } catch (RuntimeException e) {
          aliases.remove(id);
          throw e;
        }
        return id;
      }

      @Override
      public synchronized boolean remove(long id) {
        boolean removed = aliases.remove(id);
        if (removed) {
          revisions.catchUp(Revisions.ALIASES);
        }
        return removed;
      }

      @Override
      public List<CuratedAliases.Stored> list() {
        return aliases.list();
      }
    };
  }

  private void reloadAliases() {
    retrieval.reloadAliases(extraAliases);
    checker.invalidate();
  }

  /** The loaded-wording lexicon, bundled entries plus curators' additions. */
  public CuratedLexicon lexicon() {
    return lexicon;
  }

  /** Opens the engine with the default embedding model. */
  public static Engine open(Path dataDir) {
    return open(dataDir, Embedder::defaultModel);
  }

  /** Opens the engine with the given embedding model. */
  public static Engine open(Path dataDir, Embedder embedder) {
    return open(StoreConfig.embedded(dataDir), () -> embedder, LanguageDetector.standard());
  }

  /**
   * Opens the engine with the embedding model the supplier makes. The model, the vocabulary and
   * the database load side by side: each takes most of a second, and start-up counts.
   */
  public static Engine open(Path dataDir, Supplier<Embedder> embedder) {
    return open(StoreConfig.embedded(dataDir), embedder, LanguageDetector.standard());
  }

  /** Opens the engine on the database {@code store} names, its index in the data directory. */
  public static Engine open(StoreConfig store, Supplier<Embedder> embedder) {
    return open(store, embedder, LanguageDetector.standard());
  }

  static Engine open(StoreConfig config, Supplier<Embedder> embedderSupplier, LanguageDetector languages) {
    Path dataDir = config.dataDir();
    List<AliasTable.Source> extra = new ArrayList<>();
    Path aliases = dataDir.resolve(EXTRA_ALIASES);
    if (Files.isRegularFile(aliases)) extra.add(AliasTable.Source.file(aliases));
    ExecutorService starting =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread t = new Thread(runnable, "kontekst-start");
              t.setDaemon(true);
              return t;
            });
    Future<Embedder> embedding =
        starting.submit(
            () -> {
              Embedder e = embedderSupplier.get();
              try {
                e.embed("warm-up");
              } catch (RuntimeException failed) {
                // A remote model that does not answer (LangChain4j wraps the ConnectException in a
                // bare RuntimeException) must be told as such, not as an internal error.
                throw new java.io.UncheckedIOException(
                    new java.io.IOException("the embedding model " + e.name() + " did not answer its first text: "
                        + Main.reasons(failed) + "; check KONTEKST_EMBEDDING_URL and that the model server runs", failed));
              }
              return e;
            });
    Future<Retrieval.Vocabulary> vocabulary =
        starting.submit(() -> Retrieval.vocabulary(extra, dataDir.resolve(ALIAS_CACHE)));
    starting.shutdown();
    KnowledgeStore store = KnowledgeStore.open(config);
    try {
      // Before anything is loaded: a write made while loading is applied again, never missed.
      RevisionPoller revisions = new RevisionPoller(new Revisions(store.dataSource()));
      CuratedLexicon wording = Wording.withStore(store.dataSource());
      // Curators' aliases live in the database, which was not open while the bundled vocabulary
      // loaded; only when there are any is the vocabulary read again with them.
      CuratedAliases curated = new CuratedAliases(store.dataSource());
      List<AliasTable.Source> withCurated = new ArrayList<>(extra);
      withCurated.add(curated.source());
      Retrieval.Vocabulary words =
          curated.list().isEmpty()
              ? join(vocabulary)
              : Retrieval.vocabulary(withCurated, dataDir.resolve(CURATED_ALIAS_CACHE));
      Retrieval retrieval =
          Retrieval.open(dataDir.resolve("index"), store.articles(), join(embedding), words);
      KnowledgeChecker checker = new KnowledgeChecker(retrieval, wording, languages, Ticker.systemTicker());
      Engine engine = new Engine(store, retrieval, checker, wording, languages, curated, withCurated, revisions);
      if (store.shared()) {
        revisions.start(POLL_INTERVAL);
      }
      return engine;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  public Checker checker() {
    return checker;
  }

  /** The calibrated confidence below which matches are not reported. */
  public double threshold() {
    return checker.threshold();
  }

  public KnowledgeStore store() {
    return store;
  }

  public Retrieval retrieval() {
    return retrieval;
  }

  /**
   * Tells the engine that these articles were written to the store (curation, import in-process):
   * the index follows at once, by the same catch-up that applies other instances' writes, and
   * cached answers are dropped.
   */
  public void articlesChanged(java.util.Collection<org.kontekst.knowledge.article.Article> changed) {
    revisions.catchUp(Revisions.ARTICLES);
  }
  /** Forgets every cached answer, so that the next check of any post searches afresh (benchmarks). */
  public void forgetAnswers() {
    checker.invalidate();
  }

  /**
   * Runs {@code apply} whenever {@code topic} (one of {@link Revisions#TOPICS}) changes in the
   * database, here or, on a shared database, on another instance: e.g. the bot drops its cached
   * chat settings.
   */
  public void onChange(String topic, Runnable apply) {
    revisions.on(topic, apply);
  }


  /**
   * What the curation commands need from the engine: the article store, the language detector and
   * {@link #articlesChanged}, with the given admins and page fetcher.
   */
  public Conversation.CurationParts curationParts(Set<Long> admins, PageFetcher fetcher) {
    return new Conversation.CurationParts(
        admins, store.articles(), fetcher, languages, this::articlesChanged, lexicon, aliases());
  }

  public int articleCount() {
    return retrieval.size();
  }

  public Optional<Instant> lastUpdated() {
    return store.articles().lastUpdated();
  }

  @Override
  public void close() {
    try {
      revisions.close();
      retrieval.close();
    } finally {
      store.close();
    }
  }
}
