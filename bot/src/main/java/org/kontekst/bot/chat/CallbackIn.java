package org.kontekst.bot.chat;

import java.util.Objects;

/**
 * A press on one of the bot's inline buttons.
 *
 * @param messageId the bot's message that carried the button
 * @param data the button's callback data, exactly as received: untrusted
 * @param repliedTo the message the bot's message answered (the post), or {@code null} when Telegram
 *     no longer has it
 */
public record CallbackIn(
    String callbackId,
    long chatId,
    ChatKind chatKind,
    long userId,
    String languageCode,
    int messageId,
    String data,
    Content repliedTo) {

  public CallbackIn {
    Objects.requireNonNull(callbackId, "callbackId");
    Objects.requireNonNull(chatKind, "chatKind");
    languageCode = languageCode == null ? "" : languageCode;
    data = data == null ? "" : data;
  }
}
