package org.kontekst.bot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.curation.Curation;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/** /retire ID: a moderator takes an article out of matching; it stays in the KB, retired. */
public final class RetireCommand implements Command {
  private final Curation curation;
  private final RoleGate gate;
  private final Texts texts;

  RetireCommand(Curation curation, RoleGate gate, Texts texts) {
    this.curation = Objects.requireNonNull(curation, "curation");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public String name() {
    return "retire";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return EnumSet.noneOf(ChatKind.class);
  }

  @Override
  public List<Action> handle(CommandContext context) {
    RoleGate.Check check = gate.check(context, Role.MODERATOR);
    if (!check.allowed()) {
      return check.refusal();
    }
    String id = context.args();
    if (id.isEmpty() || id.contains(" ")) {
      return gate.usage(context, "retire");
    }
    return gate.run(context, () -> {
      curation.retire(context.incoming().userId(), id);
      return context.reply(texts.get(context.language(), "curation.retired", Html.escape(id)));
    });
  }
}
