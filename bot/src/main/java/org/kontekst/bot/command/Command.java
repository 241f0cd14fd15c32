package org.kontekst.bot.command;

import java.util.List;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;

/** One slash command. Implementations are stateless and thread-safe. */
public interface Command {

  /** The name without the slash, lower case: "start". */
  String name();

  /** The chats the command is offered in (setMyCommands); it still answers everywhere. */
  Set<ChatKind> offeredIn();

  /** Whether only chat admins see it in the command menu of groups. */
  default boolean forAdmins() {
    return false;
  }

  List<Action> handle(CommandContext context);
}
