package org.kontekst.bot.app;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.kontekst.knowledge.search.Embedder;

/**
 * Which embedding model retrieval uses, from {@code KONTEKST_EMBEDDING} and its companions.
 *
 * <ul>
 *   <li>{@code minilm} (default): all-MiniLM-L6-v2, quantized, in-process, shipped in its jar;
 *   <li>{@code onnx}: any ONNX sentence-embedding model on disk ({@code KONTEKST_EMBEDDING_MODEL}
 *       the .onnx file, {@code KONTEKST_EMBEDDING_TOKENIZER} its tokenizer.json), mean pooling;
 *   <li>{@code ollama}: an Ollama server ({@code KONTEKST_EMBEDDING_URL}, default
 *       http://localhost:11434; {@code KONTEKST_EMBEDDING_MODEL}, e.g. nomic-embed-text);
 *   <li>{@code openai}: any OpenAI-compatible server ({@code KONTEKST_EMBEDDING_URL}, {@code
 *       KONTEKST_EMBEDDING_MODEL}, {@code KONTEKST_EMBEDDING_API_KEY}).
 * </ul>
 *
 * The model's name goes into the search index, so switching models rebuilds it.
 */
record EmbeddingSettings(String provider, String model, String tokenizer, String url, String apiKey) {

  static final EmbeddingSettings DEFAULT = new EmbeddingSettings("minilm", null, null, null, null);

  EmbeddingSettings {
    provider = provider == null || provider.isBlank() ? "minilm" : provider.strip().toLowerCase(Locale.ROOT);
  }

  static EmbeddingSettings from(Map<String, String> env) {
    return new EmbeddingSettings(
        env.get("KONTEKST_EMBEDDING"),
        blankToNull(env.get("KONTEKST_EMBEDDING_MODEL")),
        blankToNull(env.get("KONTEKST_EMBEDDING_TOKENIZER")),
        blankToNull(env.get("KONTEKST_EMBEDDING_URL")),
        blankToNull(env.get("KONTEKST_EMBEDDING_API_KEY")));
  }

  /**
   * Builds the embedder. Nothing is contacted here: remote models are reached on the first text.
   *
   * @throws IllegalArgumentException when the settings are incomplete, naming what to set
   */
  Embedder create() {
    Embedder preloaded = Preload.take(this);
    return preloaded != null ? preloaded : build();
  }

  /** As {@link #create()}, never taking the preloaded embedder. */
  Embedder build() {
    return switch (provider) {
      case "minilm" -> Embedder.defaultModel();
      case "onnx" -> {
        Path model = requirePath(this.model, "KONTEKST_EMBEDDING_MODEL", "the .onnx model file");
        Path tokens = requirePath(tokenizer, "KONTEKST_EMBEDDING_TOKENIZER", "the model's tokenizer.json");
        EmbeddingModel onnx;
        try {
          onnx = new OnnxEmbeddingModel(model, tokens, PoolingMode.MEAN);
        } catch (RuntimeException e) {
          // ONNX Runtime's protobuf error, or the tokenizer's JSON error, wrapped bare.
          throw new IllegalArgumentException(
              "cannot load " + model + " with " + tokens + " as an ONNX embedding model and its tokenizer: "
                  + Main.reasons(e) + "; set KONTEKST_EMBEDDING_MODEL to a .onnx file and KONTEKST_EMBEDDING_TOKENIZER"
                  + " to its tokenizer.json",
              e);
        }
        yield new Embedder(onnx, "onnx:" + model.getFileName());
      }
      case "ollama" -> {
        String name = require(this.model, "KONTEKST_EMBEDDING_MODEL", "the Ollama model, e.g. nomic-embed-text");
        EmbeddingModel ollama =
            OllamaEmbeddingModel.builder()
                .baseUrl(url == null ? "http://localhost:11434" : url)
                .modelName(name)
                .timeout(Duration.ofSeconds(30))
                .build();
        yield new Embedder(ollama, "ollama:" + name);
      }
      case "openai" -> {
        String name = require(this.model, "KONTEKST_EMBEDDING_MODEL", "the model, e.g. text-embedding-3-small");
        EmbeddingModel openai =
            OpenAiEmbeddingModel.builder()
                .baseUrl(require(url, "KONTEKST_EMBEDDING_URL", "the server's base URL, e.g. https://api.openai.com/v1"))
                .apiKey(apiKey == null ? "none" : apiKey)
                .modelName(name)
                .timeout(Duration.ofSeconds(30))
                .build();
        yield new Embedder(openai, "openai:" + name);
      }
      default -> throw new IllegalArgumentException(
          "KONTEKST_EMBEDDING must be minilm, onnx, ollama or openai, not " + provider);
    };
  }

  private static String require(String value, String variable, String what) {
    if (value == null) {
      throw new IllegalArgumentException("set " + variable + " to " + what);
    }
    return value;
  }

  private static Path requirePath(String value, String variable, String what) {
    Path path = Path.of(require(value, variable, what));
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(variable + " must name " + what + "; no such file: " + path);
    }
    return path;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Never prints the API key. */
  @Override
  public String toString() {
    return "EmbeddingSettings[" + provider + (model == null ? "" : ", " + model) + (url == null ? "" : ", " + url) + "]";
  }
}
