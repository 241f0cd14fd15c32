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

/**
 * /edit ID FIELD VALUE: changes one field of an article. Curators change pending articles only;
 * moderators any. The value is the rest of the message, so a title may have spaces.
 */
public final class EditCommand implements Command {
  private final Curation curation;
  private final RoleGate gate;
  private final Texts texts;

  EditCommand(Curation curation, RoleGate gate, Texts texts) {
    this.curation = Objects.requireNonNull(curation, "curation");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public String name() {
    return "edit";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return EnumSet.noneOf(ChatKind.class);
  }

  @Override
  public List<Action> handle(CommandContext context) {
    RoleGate.Check check = gate.check(context, Role.CURATOR);
    if (!check.allowed()) {
      return check.refusal();
    }
    String[] parts = context.args().split("\\s+", 3);
    if (parts.length < 3 || parts[2].isBlank()) {
      return gate.usage(context, "edit");
    }
    return gate.run(context, () -> {
      curation.edit(context.incoming().userId(), check.role().orElseThrow(), parts[0], parts[1], parts[2]);
      return context.reply(texts.get(context.language(), "curation.edited", Html.escape(parts[0]), Html.escape(parts[1].toLowerCase(java.util.Locale.ROOT))));
    });
  }
}
