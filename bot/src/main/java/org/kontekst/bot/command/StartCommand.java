package org.kontekst.bot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.render.Texts;

/** /start: welcome and how to use the bot. */
public final class StartCommand implements Command {
  private final Texts texts;

  public StartCommand(Texts texts) {
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public String name() {
    return "start";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return EnumSet.of(ChatKind.PRIVATE);
  }

  @Override
  public List<Action> handle(CommandContext context) {
    return context.reply(texts.get(context.language(), "start.html"));
  }
}
