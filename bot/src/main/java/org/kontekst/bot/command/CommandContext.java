package org.kontekst.bot.command;

import java.util.List;
import java.util.Objects;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatSettings;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.chat.InterfaceLanguage;

/**
 * A command as received: the message, what followed the command name, the chat's settings and the
 * interface language to answer in.
 */
public record CommandContext(
    Incoming incoming, String args, ChatSettings settings, InterfaceLanguage language) {

  public CommandContext {
    Objects.requireNonNull(incoming, "incoming");
    args = args == null ? "" : args.strip();
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(language, "language");
  }

  /** A reply with HTML that answers the command message. */
  public List<Action> reply(String html) {
    return List.of(Action.SendText.of(incoming.chatId(), incoming.message().messageId(), html));
  }
}
