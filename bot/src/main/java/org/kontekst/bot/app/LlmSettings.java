package org.kontekst.bot.app;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.kontekst.bot.llm.Grounded;
import org.kontekst.bot.llm.Prompts;
import org.kontekst.bot.render.ContextWriter;

/**
 * The language model that writes the context paragraph of replies, from {@code
 * KONTEKST_LLM_PROVIDER} and its companions; with none set, replies come from the templates and
 * nothing reaches for a network.
 *
 * <ul>
 *   <li>{@code openai}: any OpenAI-compatible server ({@code KONTEKST_LLM_BASE_URL}, default
 *       https://api.openai.com/v1; {@code KONTEKST_LLM_MODEL}; {@code KONTEKST_LLM_API_KEY});
 *   <li>{@code ollama}: an Ollama server ({@code KONTEKST_LLM_BASE_URL}, default
 *       http://localhost:11434; {@code KONTEKST_LLM_MODEL}, e.g. qwen2.5:7b).
 * </ul>
 *
 * {@code KONTEKST_PROMPTS} names a folder whose {@code PURPOSE.LANG.txt} files replace the shipped
 * prompt templates. {@code budget} bounds each call: the client's timeout, with no retries.
 */
record LlmSettings(String provider, String baseUrl, String model, String apiKey, String prompts, Duration budget) {

  /** How long a reply may wait for the model before the template reply goes out instead. */
  static final Duration BUDGET = Duration.ofSeconds(5);

  static final LlmSettings NONE = new LlmSettings(null, null, null, null, null, BUDGET);

  LlmSettings {
    provider = blankToNull(provider);
    provider = provider == null ? null : provider.toLowerCase(Locale.ROOT);
    baseUrl = blankToNull(baseUrl);
    model = blankToNull(model);
    apiKey = blankToNull(apiKey);
    prompts = blankToNull(prompts);
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("the language model's time budget must be positive: " + budget);
    }
  }

  static LlmSettings from(Map<String, String> env) {
    return new LlmSettings(
        env.get("KONTEKST_LLM_PROVIDER"),
        env.get("KONTEKST_LLM_BASE_URL"),
        env.get("KONTEKST_LLM_MODEL"),
        env.get("KONTEKST_LLM_API_KEY"),
        env.get("KONTEKST_PROMPTS"),
        BUDGET);
  }

  /** Whether a model is configured. */
  boolean configured() {
    return provider != null;
  }

  /**
   * The context writer: {@link ContextWriter#NONE} when no model is configured. Nothing is
   * contacted here.
   *
   * @throws IllegalArgumentException when the settings are incomplete, naming what to set
   */
  ContextWriter contextWriter(Ticker ticker) {
    if (!configured()) {
      if (baseUrl != null || model != null || apiKey != null) {
        throw new IllegalArgumentException(
            "set KONTEKST_LLM_PROVIDER to openai or ollama, or unset KONTEKST_LLM_BASE_URL, KONTEKST_LLM_MODEL and KONTEKST_LLM_API_KEY");
      }
      return ContextWriter.NONE;
    }
    ChatModel chat = chatModel();
    return Grounded.contextWriter(chat, Prompts.load(prompts == null ? null : Path.of(prompts)), ticker);
  }

  ChatModel chatModel() {
    return switch (provider) {
      case "openai" ->
          OpenAiChatModel.builder()
              .baseUrl(baseUrl == null ? "https://api.openai.com/v1" : baseUrl)
              .apiKey(apiKey == null ? "none" : apiKey)
              .modelName(require(model, "the model, e.g. gpt-4o-mini"))
              .temperature(0.2)
              .maxTokens(500)
              .timeout(budget)
              .maxRetries(0)
              .build();
      case "ollama" ->
          OllamaChatModel.builder()
              .baseUrl(baseUrl == null ? "http://localhost:11434" : baseUrl)
              .modelName(require(model, "the Ollama model, e.g. qwen2.5:7b"))
              .temperature(0.2)
              .numPredict(500)
              .timeout(budget)
              .maxRetries(0)
              .build();
      default -> throw new IllegalArgumentException("KONTEKST_LLM_PROVIDER must be openai or ollama, not " + provider);
    };
  }

  private static String require(String value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("set KONTEKST_LLM_MODEL to " + what);
    }
    return value;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Never prints the API key. */
  @Override
  public String toString() {
    return provider == null
        ? "LlmSettings[none]"
        : "LlmSettings[" + provider + (model == null ? "" : ", " + model) + (baseUrl == null ? "" : ", " + baseUrl)
            + ", key " + (apiKey == null ? "unset" : "set") + "]";
  }
}
