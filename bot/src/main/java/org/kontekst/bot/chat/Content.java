package org.kontekst.bot.chat;

import java.util.List;

/**
 * One Telegram message as far as checking goes.
 *
 * @param text the message text or the caption of a photo, video or document; empty if neither
 * @param origin where it was forwarded from, or {@code null} when it was not forwarded
 * @param hasMedia whether a photo, video, document or other attachment came with it
 * @param links the URLs of its link entities: hidden links ({@code text_link}, whose visible text
 *     differs from the URL) and links Telegram recognised in the text ({@code url}); untrusted, at
 *     most {@link #MAX_LINKS}
 */
public record Content(int messageId, String text, Origin origin, boolean hasMedia, List<String> links) {

  /** Links kept per message: a post full of links costs no more. */
  public static final int MAX_LINKS = 20;

  public Content {
    text = text == null ? "" : text;
    links = links == null ? List.of() : List.copyOf(links.subList(0, Math.min(links.size(), MAX_LINKS)));
  }

  /** A message without link entities. */
  public Content(int messageId, String text, Origin origin, boolean hasMedia) {
    this(messageId, text, origin, hasMedia, List.of());
  }

  public boolean isForwarded() {
    return origin != null;
  }

  /** How the reply names the source, or empty. */
  public String forwardedFrom() {
    return origin == null ? "" : origin.display();
  }
}
