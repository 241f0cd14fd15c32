package org.kontekst.bot.chat;

import java.util.Objects;

/**
 * A message someone sent in a chat the bot is in.
 *
 * @param languageCode the sender's Telegram {@code language_code}, or empty
 * @param repliedTo the message this one answers, or {@code null}
 * @param anonymousAdmin whether it was sent on behalf of the group itself (an anonymous admin)
 */
public record Incoming(
    long chatId,
    ChatKind chatKind,
    long userId,
    String languageCode,
    Content message,
    Content repliedTo,
    boolean anonymousAdmin) {

  public Incoming {
    Objects.requireNonNull(chatKind, "chatKind");
    Objects.requireNonNull(message, "message");
    languageCode = languageCode == null ? "" : languageCode;
  }
}
