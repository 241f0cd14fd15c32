package org.kontekst.bot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.Content;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * /check: checks the message it answers (in groups, whatever the quiet setting: someone asked), or
 * the text after the command.
 */
public final class CheckCommand implements Command {
  private final Texts texts;
  private final PostCheck check;

  public CheckCommand(Texts texts, PostCheck check) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.check = Objects.requireNonNull(check, "check");
  }

  @Override
  public String name() {
    return "check";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return EnumSet.of(ChatKind.GROUP);
  }

  @Override
  public List<Action> handle(CommandContext context) {
    Incoming in = context.incoming();
    Content target = in.repliedTo();
    if (target == null && !context.args().isEmpty()) {
      target = new Content(in.message().messageId(), context.args(), null, false);
    }
    if (target == null) {
      String key = in.chatKind() == ChatKind.PRIVATE ? "check.usage" : "check.reply_needed";
      return context.reply(Html.escape(texts.get(context.language(), key)));
    }
    return check.check(in, target, context.language(), PostCheck.Policy.ALWAYS);
  }
}
