package org.kontekst.bot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.curation.RetentionPolicy;
import org.kontekst.bot.render.Texts;

/** /privacy: exactly what is stored, and for how long. */
public final class PrivacyCommand implements Command {
  private final Texts texts;
  private final RetentionPolicy retention;

  public PrivacyCommand(Texts texts, RetentionPolicy retention) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  @Override
  public String name() {
    return "privacy";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return EnumSet.of(ChatKind.PRIVATE, ChatKind.GROUP);
  }

  @Override
  public List<Action> handle(CommandContext context) {
    return context.reply(
        texts.get(context.language(), "privacy.html", retention.answeredTextDays(), retention.maxAgeDays()));
  }
}
