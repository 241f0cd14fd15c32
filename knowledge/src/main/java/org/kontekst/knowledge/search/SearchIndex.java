package org.kontekst.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.kontekst.knowledge.article.Article;

/**
 * The Lucene index of published articles: content-word lemmas, language-neutral features and an
 * embedding per article, plus the stored fields a reply quotes.
 *
 * <p>The index is derived data. Its commit records what it was built from (KB revision, alias
 * table version, embedding model); {@link #isCurrent} tells the owner when to rebuild. Vectors of
 * unchanged articles are kept across rebuilds, so changing the alias table does not re-embed.
 */
public final class SearchIndex implements AutoCloseable {
  static final String ID = "id";
  static final String TERMS = "terms";
  static final String FEATURES = "features";
  static final String VECTOR = "vector";
  private static final String VECTOR_BYTES = "vector_bytes";
  private static final String TEXT_HASH = "text_hash";
  private static final String SIGNATURE = "kontekst.signature";
  private static final String KB_REVISION = "kontekst.kb";
  private static final int SCHEMA = 4;

  private static final FieldType BAG_OF_WORDS = bagOfWords();

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** Replaced when the alias table is reloaded; searches in flight keep the one they read. */
  private volatile TextAnalysis analysis;
  private final Embedder embedder;

  private SearchIndex(Path dir, TextAnalysis analysis, Embedder embedder) throws IOException {
    Files.createDirectories(dir);
    this.directory = FSDirectory.open(dir);
    IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        IndexSearcher searcher = new IndexSearcher(reader);
        // Queries are built per post and hardly repeat (repeated posts are answered from the
        // checker's cache), so caching their matches would cost more than it saves.
        searcher.setQueryCache(null);
        return searcher;
      }
    });
    this.analysis = analysis;
    this.embedder = embedder;
  }

  /** Opens (or creates) the index in {@code dir}. */
  static SearchIndex open(Path dir, TextAnalysis analysis, Embedder embedder) {
    try {
      return new SearchIndex(dir, analysis, embedder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + dir, e);
    }
  }

  /** What an index built now from a KB at {@code revision} would record. */
  String signature(long revision) {
    return "schema=" + SCHEMA + ";kb=" + revision + ";aliases=" + analysis.aliases().version()
        + ";model=" + embedder.name();
  }

  boolean isCurrent(long revision) {
    return signature(revision).equals(commitData().get(SIGNATURE));
  }

  /** The KB revision the index holds, or -1 when it does not record one (never built). */
  long revision() {
    String revision = commitData().get(KB_REVISION);
    try {
      return revision == null ? -1 : Long.parseLong(revision);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private Map<String, String> commitData() {
    Map<String, String> data = new HashMap<>();
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) data.put(e.getKey(), e.getValue());
    return data;
  }

  /**
   * Analyses with {@code replacement} from now on and rebuilds the index with it; stored vectors
   * of unchanged texts are reused, so this costs analysis, not embedding.
   */
  synchronized void reanalyze(TextAnalysis replacement, Collection<Article> articles, long revision) {
    this.analysis = replacement;
    rebuild(articles, revision);
  }

  /** Replaces the whole index with {@code articles} (published ones only are kept). */
  void rebuild(Collection<Article> articles, long revision) {
    try {
      Map<String, float[]> reusable = storedVectors();
      writer.deleteAll();
      write(articles, reusable);
      commit(revision);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild the search index", e);
    }
  }

  /** Adds, replaces or (when not published) removes articles, and records the new KB revision. */
  void update(Collection<Article> articles, long revision) {
    try {
      write(articles, Map.of());
      commit(revision);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index", e);
    }
  }

  private void write(Collection<Article> articles, Map<String, float[]> reusable) throws IOException {
    List<Article> published = new ArrayList<>();
    for (Article a : articles) {
      if (a.isPublished()) {
        published.add(a);
      } else {
        writer.deleteDocuments(new Term(ID, a.id()));
      }
    }
    List<Analyzed> analyzed = new ArrayList<>(published.size());
    for (Article a : published) analyzed.add(analyze(a));
    List<String> toEmbed = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    float[][] vectors = new float[published.size()][];
    for (int i = 0; i < published.size(); i++) {
      Article a = published.get(i);
      String text = embeddingText(a, analyzed.get(i));
      float[] old = reusable.get(a.id() + "\u0000" + textHash(text));
      if (old != null) {
        vectors[i] = old;
      } else {
        toEmbed.add(text);
        positions.add(i);
      }
    }
    int batch = 64;
    for (int from = 0; from < toEmbed.size(); from += batch) {
      List<float[]> embedded = embedder.embedAll(toEmbed.subList(from, Math.min(toEmbed.size(), from + batch)));
      for (int k = 0; k < embedded.size(); k++) vectors[positions.get(from + k)] = embedded.get(k);
    }
    for (int i = 0; i < published.size(); i++) {
      Article a = published.get(i);
      String text = embeddingText(a, analyzed.get(i));
      writer.updateDocument(new Term(ID, a.id()), document(a, analyzed.get(i), vectors[i], textHash(text)));
    }
  }

  private void commit(long revision) throws IOException {
    writer.setLiveCommitData(
        Map.of(SIGNATURE, signature(revision), KB_REVISION, Long.toString(revision)).entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  private Analyzed analyze(Article a) {
    return analysis.analyze(a.title() + "\n" + String.join(", ", a.tags()) + "\n" + a.text(), a.language());
  }

  /**
   * What the embedding model reads: the article itself when it is written in Latin script, its
   * English gloss otherwise (the in-process models understand English only, and posts in Cyrillic
   * are glossed the same way).
   */
  static String embeddingText(Article a, Analyzed analyzed) {
    return analyzed.cyrillic() ? analyzed.gloss() : a.title() + ". " + a.text();
  }

  private Document document(Article a, Analyzed analyzed, float[] vector, String textHash) {
    Document doc = new Document();
    doc.add(new StringField(ID, a.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(a.id())));
    StringBuilder terms = new StringBuilder();
    for (List<String> lemmas : analyzed.terms()) {
      for (String lemma : lemmas) terms.append(lemma).append(' ');
    }
    doc.add(new Field(TERMS, terms.toString(), BAG_OF_WORDS));
    doc.add(new Field(FEATURES, String.join(" ", analyzed.features()), BAG_OF_WORDS));
    doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    doc.add(new StoredField(VECTOR_BYTES, toBytes(vector)));
    doc.add(new StoredField(TEXT_HASH, textHash));
    doc.add(new StoredField("title", a.title()));
    doc.add(new StoredField("outlet", a.outlet()));
    doc.add(new StoredField("url", a.url()));
    doc.add(new StoredField("published", a.published() == null ? "" : a.published().toString()));
    doc.add(new StoredField("language", a.language()));
    doc.add(new StoredField("text", a.text()));
    return doc;
  }

  private String textHash(String embeddingText) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(embedder.name().getBytes(StandardCharsets.UTF_8));
      md.update(embeddingText.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, float[]> storedVectors() throws IOException {
    Map<String, float[]> out = new HashMap<>();
    IndexSearcher searcher = searchers.acquire();
    try {
      StoredFields stored = searcher.getIndexReader().storedFields();
      for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
        Document d = stored.document(doc, Set.of(ID, TEXT_HASH, VECTOR_BYTES));
        if (d.get(ID) == null || d.getBinaryValue(VECTOR_BYTES) == null) continue;
        out.put(d.get(ID) + "\u0000" + d.get(TEXT_HASH), fromBytes(d.getBinaryValue(VECTOR_BYTES).bytes));
      }
    } finally {
      searchers.release(searcher);
    }
    return out;
  }

  int size() {
    return writer.getDocStats().numDocs;
  }

  Analyzed analyze(String text, String language) {
    return analysis.analyze(text, language);
  }

  float[] embed(String text) {
    return embedder.embed(text);
  }

  /** One plain disjunction over the query's lemmas, top 10: the floor of a search. */
  int searchTermsOnly(Analyzed query) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        for (List<String> lemmas : query.terms()) {
          for (String lemma : lemmas) terms.add(new TermQuery(new Term(TERMS, lemma)), BooleanClause.Occur.SHOULD);
        }
        return searcher.search(terms.build(), 10).scoreDocs.length;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Finds candidate articles for a query through three channels (features, words, embedding) and
   * measures all three signals for each candidate.
   */
  List<Candidate> search(Analyzed query, java.util.function.Supplier<float[]> vector, int perChannel) {
    IndexSearcher searcher;
    try {
      searcher = searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      int n = Math.max(1, searcher.getIndexReader().numDocs());
      Map<Integer, double[]> signals = new LinkedHashMap<>();

      double featureTotal = 0;
      double entityTotal = 0;
      BooleanQuery.Builder features = new BooleanQuery.Builder();
      BooleanQuery.Builder entities = new BooleanQuery.Builder();
      for (String f : query.features()) {
        TermQuery term = lookUp(searcher, FEATURES, f);
        double idf = idf(term, n);
        featureTotal += idf;
        Query clause = weighted(term, idf);
        features.add(clause, BooleanClause.Occur.SHOULD);
        if (f.startsWith("e:")) {
          entityTotal += idf;
          entities.add(clause, BooleanClause.Occur.SHOULD);
        }
      }
      collect(searcher, features.build(), perChannel, featureTotal, signals, 0);

      double termTotal = 0;
      BooleanQuery.Builder terms = new BooleanQuery.Builder();
      Set<String> seen = new java.util.HashSet<>();
      for (List<String> lemmas : query.terms()) {
        if (!seen.add(String.join("|", lemmas))) continue;
        double best = 0;
        List<Query> alternatives = new ArrayList<>();
        for (String lemma : lemmas) {
          TermQuery term = lookUp(searcher, TERMS, lemma);
          double idf = idf(term, n);
          best = Math.max(best, idf);
          alternatives.add(weighted(term, idf));
        }
        termTotal += best;
        terms.add(new DisjunctionMaxQuery(alternatives, 0f), BooleanClause.Occur.SHOULD);
      }
      collect(searcher, terms.build(), perChannel, termTotal, signals, 1);

      // The embedding is computed meanwhile on another thread; it is needed only from here on.
      float[] queryVector = vector.get();
      if (queryVector != null) {
        TopDocs knn = searcher.search(new KnnFloatVectorQuery(VECTOR, queryVector, perChannel), perChannel);
        for (ScoreDoc sd : knn.scoreDocs) {
          signals.computeIfAbsent(sd.doc, d -> new double[] {Double.NaN, Double.NaN, Double.NaN});
        }
      }
      for (double[] s : signals.values()) s[2] = Double.NaN;
      // Coverage scores of candidates that one channel missed are measured exactly, so every
      // candidate is judged on all signals.
      fillMissing(searcher, features.build(), featureTotal, signals, 0);
      fillMissing(searcher, terms.build(), termTotal, signals, 1);
      fillMissing(searcher, entities.build(), entityTotal, signals, 2);

      List<Candidate> out = new ArrayList<>(signals.size());
      for (Map.Entry<Integer, double[]> e : signals.entrySet()) {
        int doc = e.getKey();
        double[] s = e.getValue();
        double similarity = queryVector == null ? 0 : cosine(searcher, doc, queryVector);
        out.add(new Candidate(id(searcher, doc), coverage(s[0], featureTotal),
            coverage(s[1], termTotal), similarity, s[0], s[1], s[2], entityTotal - s[2]));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    } finally {
      try {
        searchers.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void collect(
      IndexSearcher searcher, Query query, int k, double total, Map<Integer, double[]> signals, int slot)
      throws IOException {
    if (total <= 0) return;
    for (ScoreDoc sd : searcher.search(query, k).scoreDocs) {
      double[] s = signals.computeIfAbsent(sd.doc, d -> new double[] {Double.NaN, Double.NaN, Double.NaN});
      s[slot] = sd.score;
    }
  }

  private static void fillMissing(
      IndexSearcher searcher, Query query, double total, Map<Integer, double[]> signals, int slot)
      throws IOException {
    List<Integer> missing = new ArrayList<>();
    for (Map.Entry<Integer, double[]> e : signals.entrySet()) {
      if (Double.isNaN(e.getValue()[slot])) {
        e.getValue()[slot] = 0;
        missing.add(e.getKey());
      }
    }
    if (missing.isEmpty() || total <= 0) return;
    java.util.Collections.sort(missing);
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    Scorer scorer = null;
    for (int doc : missing) {
      int index = ReaderUtil.subIndex(doc, leaves);
      LeafReaderContext leaf = leaves.get(index);
      if (index != leafIndex) {
        leafIndex = index;
        scorer = weight.scorer(leaf);
      }
      if (scorer == null) continue;
      int local = doc - leaf.docBase;
      int at = scorer.docID() >= local ? scorer.docID() : scorer.iterator().advance(local);
      if (at == local) {
        signals.get(doc)[slot] = scorer.score();
      }
    }
  }

  /** An article's id from doc values: no stored-field block to decompress. */
  private static String id(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues ids = DocValues.getSorted(leaf.reader(), ID);
    if (!ids.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("indexed article without an id: " + doc);
    }
    return ids.lookupOrd(ids.ordValue()).utf8ToString();
  }

  private static double coverage(double mass, double total) {
    return total <= 0 ? 0 : Math.min(1, mass / total);
  }

  private static double cosine(IndexSearcher searcher, int doc, float[] query) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
    if (values == null) return 0;
    int local = doc - leaf.docBase;
    if (values.advance(local) != local) return 0;
    return Embedder.dot(values.vectorValue(), query);
  }

  /**
   * A term query that carries the term's place in every segment, looked up once: the same term
   * serves the idf, the channel search and the exact scores of other channels' candidates.
   */
  private static TermQuery lookUp(IndexSearcher searcher, String field, String text) throws IOException {
    Term term = new Term(field, text);
    return new TermQuery(term, TermStates.build(searcher, term, true));
  }

  private static double idf(TermQuery term, int n) {
    int df = term.getTermStates().docFreq();
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private static Query weighted(Query query, double weight) {
    return new BoostQuery(new ConstantScoreQuery(query), (float) weight);
  }

  /** The stored fields of one indexed article, or null when it is not (or no longer) indexed. */
  IndexedArticle article(String id) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs hit = searcher.search(new TermQuery(new Term(ID, id)), 1);
        if (hit.scoreDocs.length == 0) return null;
        return read(searcher.getIndexReader().storedFields().document(hit.scoreDocs[0].doc));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IndexedArticle read(Document d) {
    String published = d.get("published");
    return new IndexedArticle(
        d.get(ID),
        d.get("title"),
        d.get("outlet"),
        d.get("url"),
        published == null || published.isEmpty() ? null : LocalDate.parse(published),
        d.get("language"),
        d.get("text"));
  }

  private static FieldType bagOfWords() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private static byte[] toBytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) b.putFloat(x);
    return b.array();
  }

  private static float[] fromBytes(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[bytes.length / 4];
    for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
    return v;
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index", e);
    }
  }
}
