package org.kontekst.bot.command;

/**
 * Shows a chat that the bot is working on its answer (Telegram's "typing…" chat action), while a
 * language model writes. Best effort: never throws, never waits.
 */
@FunctionalInterface
public interface Typing {

  /** Shows nothing: the console, tests, and bots without a language model. */
  Typing NONE = chatId -> {};

  void typing(long chatId);
}
