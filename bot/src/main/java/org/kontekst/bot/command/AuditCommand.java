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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.kontekst.bot.curation.AuditEntry;
/** /audit [N]: the N most recent curation actions (10 unless told), newest first. */
public final class AuditCommand implements Command {
  private final Curation curation;
  private final RoleGate gate;
  private final Texts texts;

  AuditCommand(Curation curation, RoleGate gate, Texts texts) {
    this.curation = Objects.requireNonNull(curation, "curation");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public String name() {
    return "audit";
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
    int limit = 10;
    if (!context.args().isEmpty()) {
      if (!context.args().matches("\\d{1,2}") || Integer.parseInt(context.args()) < 1 || Integer.parseInt(context.args()) > 50) {
        return gate.usage(context, "audit");
      }
      limit = Integer.parseInt(context.args());
    }
    int n = limit;
    return gate.run(context, () -> {
      List<AuditEntry> entries = curation.audit().recent(n);
      if (entries.isEmpty()) {
        return context.reply(Html.escape(texts.get(context.language(), "curation.audit.empty")));
      }
      StringBuilder out = new StringBuilder("<b>").append(Html.escape(texts.get(context.language(), "curation.audit.title"))).append("</b>\n");
      for (AuditEntry e : entries) {
        out.append('\n').append(TIME.format(e.at().atOffset(ZoneOffset.UTC))).append(" UTC · ")
            .append(e.actor()).append(" · ").append(e.action());
        if (!e.note().isEmpty()) {
          String note = e.note().length() > 120 ? e.note().substring(0, 120) + "…" : e.note();
          out.append(" (").append(Html.escape(note)).append(')');
        }
        out.append(" · <code>").append(Html.escape(e.target())).append("</code>");
      }
      return context.reply(out.toString());
    });
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
}
