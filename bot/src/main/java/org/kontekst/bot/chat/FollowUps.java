package org.kontekst.bot.chat;

import java.util.List;

/**
 * Where the messages go that answer a command later, when slow work it started is done (a page
 * fetched for /add): the transport's own send path, paced and retried like any reply (the
 * Telegram bot's send queue; the console's printer).
 */
@FunctionalInterface
public interface FollowUps {

  /** Sends {@code actions} in a chat of {@code kind}; never blocks on the network. */
  void send(ChatKind kind, List<Action> actions);
}
