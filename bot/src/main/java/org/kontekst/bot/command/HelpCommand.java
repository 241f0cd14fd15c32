package org.kontekst.bot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.render.Texts;

/** /help: how to use the bot. */
public final class HelpCommand implements Command {
  private final Texts texts;

  public HelpCommand(Texts texts) {
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public String name() {
    return "help";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return EnumSet.of(ChatKind.PRIVATE, ChatKind.GROUP);
  }

  @Override
  public List<Action> handle(CommandContext context) {
    return context.reply(texts.get(context.language(), "help.html"));
  }
}
