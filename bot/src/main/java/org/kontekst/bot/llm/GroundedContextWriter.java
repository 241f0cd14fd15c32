package org.kontekst.bot.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.render.ContextWriter;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a chat model for the context paragraph of a reply, grounded in the report's matches, and
 * keeps it only when {@link Grounding} accepts it. The post goes into the prompt as data, between
 * {@code <post>} and {@code </post>}, with angle brackets in it (and in every other value from
 * outside) replaced by look-alikes, so nothing in it can close the block or open a tag. Accepted
 * paragraphs are cached by post hash, matched article ids and interface language.
 */
final class GroundedContextWriter implements ContextWriter {
  private static final Logger log = LoggerFactory.getLogger(GroundedContextWriter.class);

  /** Longest part of a post the model sees. */
  static final int MAX_POST = 4_000;

  static final int MAX_SENTENCES = 4;

  private record Key(String postHash, List<String> articles, InterfaceLanguage language) {}

  private final ChatModel model;
  private final Prompts prompts;
  private final Cache<Key, String> cache;

  GroundedContextWriter(ChatModel model, Prompts prompts, Ticker ticker) {
    this.model = Objects.requireNonNull(model, "model");
    this.prompts = Objects.requireNonNull(prompts, "prompts");
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(5_000)
            .expireAfterWrite(Duration.ofHours(12))
            .ticker(Objects.requireNonNull(ticker, "ticker"))
            .build();
  }

  @Override
  public Optional<String> write(Report report, InterfaceLanguage language, Runnable waiting) {
    if (!report.hasMatch()) {
      return Optional.empty();
    }
    Key key =
        new Key(
            sha256(report.post().text()),
            report.matches().stream().map(Match::article).toList(),
            language);
    String cached = cache.getIfPresent(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    waiting.run();
    String answer;
    try {
      PromptTemplate.Prompt prompt = prompt(report, language);
      ChatResponse response =
          model.chat(
              ChatRequest.builder()
                  .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                  .build());
      answer = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
    } catch (RuntimeException e) {
      // A timeout, a refused connection, an error status or an unreadable answer: the template reply stands.
      log.warn("language model call failed, template reply used: {}", e.toString());
      return Optional.empty();
    }
    Grounding.Result checked = Grounding.check(answer, report.matches(), language);
    if (!checked.accepted()) {
      log.info("model paragraph refused ({}), template reply used", checked.verdict());
      return Optional.empty();
    }
    cache.put(key, checked.text());
    return Optional.of(checked.text());
  }

  /** The filled-in prompt for {@code report}: sources, flags and the post as data. */
  PromptTemplate.Prompt prompt(Report report, InterfaceLanguage language) {
    return prompts.template(Prompts.Purpose.CONTEXT, language).fill(variables(report, language));
  }

  static Map<String, String> variables(Report report, InterfaceLanguage language) {
    return Map.of(
        "sources", sources(report.matches()),
        "flags", flags(report.flags(), language),
        "post", asData(clip(report.post().text(), MAX_POST)),
        "max_sentences", Integer.toString(MAX_SENTENCES));
  }

  private static String sources(List<Match> matches) {
    StringBuilder out = new StringBuilder();
    int n = 1;
    for (Match m : matches) {
      out.append("<source n=\"").append(n).append("\">\n");
      out.append("[").append(n++).append("] title: ").append(asData(m.title())).append('\n');
      if (!m.outlet().isBlank()) {
        out.append("outlet: ").append(asData(m.outlet())).append('\n');
      }
      if (m.published() != null) {
        out.append("published: ").append(m.published()).append('\n');
      }
      out.append("passage: ").append(asData(m.passage().strip())).append('\n');
      out.append("</source>\n");
    }
    return out.toString().strip();
  }

  private static String flags(List<Flag> flags, InterfaceLanguage language) {
    if (flags.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder();
    for (Flag f : flags) {
      out.append("- \"").append(asData(f.text())).append("\" (").append(f.category().label()).append(')');
      String note = f.note(language.code()).strip();
      if (!note.isEmpty()) {
        out.append(": ").append(asData(note));
      }
      out.append('\n');
    }
    return out.toString().strip();
  }

  /**
   * Text from outside, made safe to put between delimiters: angle brackets become look-alikes
   * (‹ ›), so "&lt;/post&gt;" or "&lt;system&gt;" in a post cannot end the data block or pass for a tag.
   */
  static String asData(String text) {
    return text.replace('<', '‹').replace('>', '›');
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
