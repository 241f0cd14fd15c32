package org.kontekst.knowledge.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * A LangChain4j {@link EmbeddingModel} with a name, so derived indexes know which model made their
 * vectors. Vectors come back L2-normalized, so a dot product is the cosine.
 */
public final class Embedder {
  /** How many characters of a text are embedded; longer texts are cut at a word boundary. */
  static final int MAX_CHARS = 1200;

  private final EmbeddingModel model;
  private final String name;
  /**
   * The same model in a one-thread session, for texts that arrive while another is being embedded
   * and for batches. Loaded in the background the first time it is wanted, so a one-off check
   * never pays for it.
   */
  private final Supplier<EmbeddingModel> oneThreadSession;
  private final CompletableFuture<EmbeddingModel> concurrent = new CompletableFuture<>();
  private final AtomicBoolean loading = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();

  public Embedder(EmbeddingModel model, String name) {
    this(model, name, null);
  }

  private Embedder(EmbeddingModel model, String name, Supplier<EmbeddingModel> oneThreadSession) {
    this.model = Objects.requireNonNull(model, "model");
    this.name = Objects.requireNonNull(name, "name");
    this.oneThreadSession = oneThreadSession;
    if (oneThreadSession == null) {
      loading.set(true);
      concurrent.complete(model);
    }
  }

  /**
   * The default: all-MiniLM-L6-v2 (quantized), in-process, shipped inside its Maven jar. A lone
   * text goes to a session that uses every core; texts that overlap, and batches, go to a
   * one-thread session of the same model, so that under load each core embeds its own text.
   */
  public static Embedder defaultModel() {
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new Embedder(new MiniLm(cores), "all-minilm-l6-v2-q/" + MiniLm.MAX_TOKENS, () -> new MiniLm(1));
  }

  /** Starts loading the one-thread session, once. */
  private void wantOneThreadSession() {
    if (!loading.compareAndSet(false, true)) return;
    Thread loader =
        new Thread(
            () -> {
              try {
                concurrent.complete(oneThreadSession.get());
              } catch (RuntimeException | Error e) {
                concurrent.completeExceptionally(e);
              }
            },
            "kontekst-model-load");
    loader.setDaemon(true);
    loader.start();
  }

  public String name() {
    return name;
  }

  public float[] embed(String text) {
    EmbeddingModel chosen = model;
    if (inFlight.getAndIncrement() > 0) {
      // Until the second session has loaded (or if it could not), overlapping texts share the first.
      wantOneThreadSession();
      if (concurrent.isDone() && !concurrent.isCompletedExceptionally()) chosen = concurrent.join();
    }
    try {
      return normalize(chosen.embed(cut(text)).content().vector());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /**
   * Embeds many texts. With a one-thread session beside the model (the default's), each core
   * embeds its own share of the batch; otherwise the model gets the whole batch.
   */
  public List<float[]> embedAll(List<String> texts) {
    EmbeddingModel oneThread = texts.size() > 1 ? oneThreadModel() : null;
    if (oneThread != null) {
      float[][] vectors = new float[texts.size()][];
      IntStream.range(0, texts.size())
          .parallel()
          .forEach(i -> vectors[i] = normalize(oneThread.embed(cut(texts.get(i))).content().vector()));
      return Arrays.asList(vectors);
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String text : texts) segments.add(TextSegment.from(cut(text)));
    List<Embedding> embeddings = model.embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) out.add(normalize(e.vector()));
    return out;
  }

  /** The separate one-thread model, once loaded; null when there is none or it failed to load. */
  private EmbeddingModel oneThreadModel() {
    wantOneThreadSession();
    try {
      EmbeddingModel m = concurrent.join();
      return m == model ? null : m;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String cut(String text) {
    String t = text.isBlank() ? "-" : text;
    if (t.length() <= MAX_CHARS) return t;
    int space = t.lastIndexOf(' ', MAX_CHARS);
    return t.substring(0, space > MAX_CHARS / 2 ? space : MAX_CHARS);
  }

  static float[] normalize(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm == 0) return v;
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
    return out;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
