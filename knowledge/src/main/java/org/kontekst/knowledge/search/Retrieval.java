package org.kontekst.knowledge.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.kontekst.knowledge.article.Article;
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

  private final SearchIndex index;
  private final ArticleRepository articles;
  private final Scoring scoring;
  private final PassageFinder passages;

  private Retrieval(SearchIndex index, ArticleRepository articles, TextAnalysis analysis) {
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
    Objects.requireNonNull(articles, "articles");
    Lemmatizer lemmatizer = new Lemmatizer();
    TextAnalysis analysis = new TextAnalysis(lemmatizer, AliasTable.load(lemmatizer, extraAliases));
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

  /** Rebuilds the index when the KB changed behind its back (e.g. by an import in another run). */
  public void refreshIfStale() {
    long revision = articles.revision();
    if (!index.isCurrent(revision)) {
      long start = System.nanoTime();
      List<Article> published = articles.published();
      index.rebuild(published, revision);
      log.info(
          "rebuilt the search index: {} articles in {} ms",
          published.size(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Tells the index that these articles were written to the store (curation, import). */
  public void articlesChanged(Collection<Article> changed) {
    index.update(changed, articles.revision());
  }

  public int size() {
    return index.size();
  }

  /**
   * Finds the articles that speak to {@code text}, best first.
   *
   * @param minConfidence drop articles below this confidence ({@code 0} keeps the top {@code max})
   */
  public List<Found> find(String text, String language, int max, double minConfidence) {
    Analyzed query = index.analyze(text, language);
    String embedText = query.cyrillic() || !"en".equals(language) ? query.gloss() : text;
    float[] vector = embedText.isBlank() ? null : index.embed(embedText);
    List<Candidate> candidates = index.search(query, vector, PER_CHANNEL);
    List<Found> found = new ArrayList<>();
    for (Candidate c : candidates) {
      double confidence = scoring.confidence(c, query);
      if (confidence >= minConfidence) {
        found.add(new Found(c.article(), confidence, "", c));
      }
    }
    found.sort(Comparator.comparingDouble(Found::confidence).reversed());
    List<Found> top = found.subList(0, Math.min(max, found.size()));
    List<Found> out = new ArrayList<>(top.size());
    for (Found f : top) {
      out.add(new Found(f.article(), f.confidence(), passages.best(f.article(), query), f.signals()));
    }
    return out;
  }

  /**
   * Does the least any check must do, one query embedding and one Lucene search, and nothing
   * else: the floor that benchmarks compare a whole check against.
   */
  public int floor(String text, String language) {
    Analyzed query = index.analyze(text, language);
    float[] vector = index.embed(text);
    return index.searchTermsOnly(query, vector.length);
  }

  /** The threshold below which a match is not reported, as calibrated on evaluation data. */
  public double threshold() {
    return scoring.threshold();
  }

  @Override
  public void close() {
    index.close();
  }
}
