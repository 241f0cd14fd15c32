package org.kontekst.bot.chat;

/**
 * One Telegram message as far as checking goes.
 *
 * @param text the message text or the caption of a photo, video or document; empty if neither
 * @param origin where it was forwarded from, or {@code null} when it was not forwarded
 * @param hasMedia whether a photo, video, document or other attachment came with it
 */
public record Content(int messageId, String text, Origin origin, boolean hasMedia) {

  public Content {
    text = text == null ? "" : text;
  }

  public boolean isForwarded() {
    return origin != null;
  }

  /** How the reply names the source, or empty. */
  public String forwardedFrom() {
    return origin == null ? "" : origin.display();
  }
}
