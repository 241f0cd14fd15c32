package org.kontekst.bot.app;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.KnowledgeChecker;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.bot.curation.AliasCuration;
import org.kontekst.knowledge.search.AliasEntry;
import org.kontekst.knowledge.search.AliasTable;
import org.kontekst.knowledge.search.CuratedAliases;
import org.kontekst.knowledge.search.Embedder;
import org.kontekst.knowledge.search.Retrieval;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.wording.CuratedLexicon;
import org.kontekst.knowledge.wording.Wording;

/**
 * The knowledge side of Kontekst assembled from a data directory: the store, the search index
 * (rebuilt when stale) and the checker. Every subcommand that checks posts opens one and closes it.
 */
public final class Engine implements AutoCloseable {
  /** A curator's additions to the bundled alias table, if the data directory has one. */
  static final String EXTRA_ALIASES = "aliases.tsv";

  private final KnowledgeStore store;
  private final Retrieval retrieval;
  private final KnowledgeChecker checker;
  private final CuratedLexicon lexicon;
  private final CuratedAliases aliases;
  private final List<AliasTable.Source> extraAliases;

  private Engine(
      KnowledgeStore store,
      Retrieval retrieval,
      KnowledgeChecker checker,
      CuratedLexicon lexicon,
      CuratedAliases aliases,
      List<AliasTable.Source> extraAliases) {
    this.store = store;
    this.retrieval = retrieval;
    this.checker = checker;
    this.lexicon = lexicon;
    this.aliases = aliases;
    this.extraAliases = List.copyOf(extraAliases);
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
          reloadAliases();
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
          reloadAliases();
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
    return open(dataDir, Embedder.defaultModel());
  }

  /** Opens the engine with the given embedding model. */
  public static Engine open(Path dataDir, Embedder embedder) {
    return open(dataDir, embedder, LanguageDetector.standard());
  }

  static Engine open(Path dataDir, Embedder embedder, LanguageDetector languages) {
    KnowledgeStore store = KnowledgeStore.open(dataDir);
    try {
      CuratedLexicon wording = Wording.withStore(store.dataSource());
      List<AliasTable.Source> extra = new ArrayList<>();
      Path aliases = dataDir.resolve(EXTRA_ALIASES);
      if (Files.isRegularFile(aliases)) extra.add(AliasTable.Source.file(aliases));
      CuratedAliases curated = new CuratedAliases(store.dataSource());
      extra.add(curated.source());
      Retrieval retrieval = Retrieval.open(dataDir.resolve("index"), store.articles(), embedder, extra);
      KnowledgeChecker checker = new KnowledgeChecker(retrieval, wording, languages, Ticker.systemTicker());
      return new Engine(store, retrieval, checker, wording, curated, extra);
    } catch (RuntimeException e) {
      store.close();
      throw e;
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
   * the index follows at once and cached answers are dropped.
   */
  public void articlesChanged(java.util.Collection<org.kontekst.knowledge.article.Article> changed) {
    retrieval.articlesChanged(changed);
    checker.invalidate();
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
      retrieval.close();
    } finally {
      store.close();
    }
  }
}
