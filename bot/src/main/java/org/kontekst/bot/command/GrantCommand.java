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
import java.util.Optional;
/** /grant USER_ID ROLE: an admin makes someone a curator or moderator. */
public final class GrantCommand implements Command {
  private final Curation curation;
  private final RoleGate gate;
  private final Texts texts;

  GrantCommand(Curation curation, RoleGate gate, Texts texts) {
    this.curation = Objects.requireNonNull(curation, "curation");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public String name() {
    return "grant";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return EnumSet.noneOf(ChatKind.class);
  }

  @Override
  public List<Action> handle(CommandContext context) {
    RoleGate.Check check = gate.check(context, Role.ADMIN);
    if (!check.allowed()) {
      return check.refusal();
    }
    String[] parts = context.args().split("\\s+");
    Optional<Role> role = parts.length == 2 ? Role.grantable(parts[1]) : Optional.empty();
    if (role.isEmpty() || !parts[0].matches("\\d{1,18}")) {
      return gate.usage(context, "grant");
    }
    long user = Long.parseLong(parts[0]);
    return gate.run(context, () -> {
      boolean granted = curation.grant(context.incoming().userId(), user, role.get());
      String name = texts.get(context.language(), "role." + role.get().label());
      return context.reply(Html.escape(texts.get(context.language(), granted ? "curation.granted" : "curation.grant.already", String.valueOf(user), name)));
    });
  }
}
