package org.kontekst.bot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.Content;
import org.kontekst.bot.curation.Curation;
import org.kontekst.bot.curation.Drafts;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.ingest.FetchException;
import org.kontekst.knowledge.ingest.ImportException;

/**
 * /add URL fetches an article page and adds it; /add in answer to a pasted article text adds that
 * text. A curator's additions are pending until a moderator approves them; a moderator's are
 * published at once. Every fetch failure is told with its reason and what to do instead.
 */
public final class AddCommand implements Command {
  private final Curation curation;
  private final Drafts drafts;
  private final RoleGate gate;
  private final Texts texts;

  AddCommand(Curation curation, Drafts drafts, RoleGate gate, Texts texts) {
    this.curation = Objects.requireNonNull(curation, "curation");
    this.drafts = Objects.requireNonNull(drafts, "drafts");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public String name() {
    return "add";
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
    String args = context.args();
    Content replied = context.incoming().repliedTo();
    Article draft;
    if (args.isEmpty() && replied != null && !replied.text().isBlank()) {
      try {
        draft = drafts.fromText(replied.text());
      } catch (ImportException e) {
        return context.reply(Html.escape(texts.get(context.language(), "curation.add.bad_text", e.describe())));
      }
    } else if (!args.isEmpty() && !args.contains(" ") && !args.contains("\n")) {
      try {
        draft = drafts.fromUrl(args);
      } catch (FetchException e) {
        String key = "fetch." + e.reason().name().toLowerCase(Locale.ROOT);
        return context.reply(Html.escape(texts.get(context.language(), key, e.detail())));
      }
    } else {
      return gate.usage(context, "add");
    }
    return gate.run(context, () -> {
      Article added = curation.add(context.incoming().userId(), check.role().orElseThrow(), draft);
      String key = added.status() == ArticleStatus.PUBLISHED ? "curation.added.published" : "curation.added.pending";
      return context.reply(texts.get(context.language(), key, Html.escape(added.id()), Html.escape(added.title())));
    });
  }
}
