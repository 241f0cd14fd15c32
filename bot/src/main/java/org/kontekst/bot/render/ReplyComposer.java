package org.kontekst.bot.render;

import java.util.List;
import java.util.Objects;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.knowledge.check.Report;

/**
 * The one reply composer that the bot and {@code kontekst check} share: the template reply of
 * {@link ReplyRenderer}, opened by a context paragraph when the {@link ContextWriter} gives one.
 */
public final class ReplyComposer {
  private final ReplyRenderer renderer;
  private final ContextWriter writer;

  public ReplyComposer(ReplyRenderer renderer, ContextWriter writer) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /**
   * The reply as Telegram HTML messages.
   *
   * @param waiting run before the context writer starts slow work (to show "typing…")
   * @param sources what the source registry says about the post's channel and links
   */
  public List<String> html(
      Report report,
      InterfaceLanguage language,
      ReplyRenderer.Detail detail,
      Runnable waiting,
      List<SourceLabel> sources) {
    String context = writer.write(report, language, waiting).orElse("");
    return renderer.html(report, language, detail, context, sources);
  }

  /** The same reply as plain text, for the command line. */
  public String plainText(Report report, String interfaceLanguage) {
    InterfaceLanguage language =
        InterfaceLanguage.parse(interfaceLanguage).orElse(InterfaceLanguage.EN);
    String context = writer.write(report, language, () -> {}).orElse("");
    return renderer.plainText(report, language, context, List.of());
  }
}
