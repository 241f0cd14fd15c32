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

/** /reject ID REASON: a moderator turns down a pending article; the reason goes on record. */
public final class RejectCommand implements Command {
  private final Curation curation;
  private final RoleGate gate;
  private final Texts texts;

  RejectCommand(Curation curation, RoleGate gate, Texts texts) {
    this.curation = Objects.requireNonNull(curation, "curation");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public String name() {
    return "reject";
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
    String[] parts = context.args().split("\\s+", 2);
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isBlank()) {
      return gate.usage(context, "reject");
    }
    return gate.run(context, () -> {
      curation.reject(context.incoming().userId(), parts[0], parts[1]);
      return context.reply(texts.get(context.language(), "curation.rejected", Html.escape(parts[0])));
    });
  }
}
