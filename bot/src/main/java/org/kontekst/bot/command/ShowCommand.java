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
import org.kontekst.knowledge.article.Article;
/** /show ID: an article as stored, whatever its status, with the start of its text. */
public final class ShowCommand implements Command {
  private final Curation curation;
  private final RoleGate gate;
  private final Texts texts;

  ShowCommand(Curation curation, RoleGate gate, Texts texts) {
    this.curation = Objects.requireNonNull(curation, "curation");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public String name() {
    return "show";
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
    String id = context.args();
    if (id.isEmpty() || id.contains(" ")) {
      return gate.usage(context, "show");
    }
    return gate.run(context, () -> {
      Article a = curation.find(id).orElseThrow(
          () -> new org.kontekst.bot.curation.CurationException("no_article", "no article " + id, id));
      return context.reply(render(a, context));
    });
  }

  private String render(Article a, CommandContext context) {
    var lang = context.language();
    String unknown = texts.get(lang, "curation.show.unknown");
    StringBuilder out = new StringBuilder();
    out.append("<b>").append(Html.escape(a.title())).append("</b>\n<code>").append(Html.escape(a.id())).append("</code>\n");
    out.append(texts.get(lang, "curation.show.status", a.status().label(), Html.escape(a.language()),
        a.published() == null ? unknown : a.published().toString())).append('\n');
    if (!a.outlet().isEmpty()) {
      out.append(texts.get(lang, "curation.show.outlet", Html.escape(a.outlet()))).append('\n');
    }
    if (!a.url().isEmpty()) {
      out.append(Html.escape(a.url())).append('\n');
    }
    if (!a.tags().isEmpty()) {
      out.append(texts.get(lang, "curation.show.tags", Html.escape(String.join(", ", a.tags())))).append('\n');
    }
    String text = a.text().length() > 700 ? a.text().substring(0, 700) + "…" : a.text();
    out.append('\n').append(Html.escape(text));
    return out.toString();
  }
}
