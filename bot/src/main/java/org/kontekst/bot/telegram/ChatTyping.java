package org.kontekst.bot.telegram;

import java.util.Objects;
import org.kontekst.bot.command.Typing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends the "typing…" chat action, asynchronously and outside the send queue's pacing: it is not a
 * message, and a lost one costs nothing. Telegram shows it for about five seconds, about as long as
 * the language model's budget.
 */
public final class ChatTyping implements Typing {
  private static final Logger log = LoggerFactory.getLogger(ChatTyping.class);

  private final TelegramClient client;

  public ChatTyping(TelegramClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public void typing(long chatId) {
    try {
      client
          .executeAsync(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build())
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  log.debug("chat {}: typing action not sent: {}", chatId, error.toString());
                }
              });
    } catch (RuntimeException | TelegramApiException e) {
      log.debug("chat {}: typing action not sent: {}", chatId, e.toString());
    }
  }
}
