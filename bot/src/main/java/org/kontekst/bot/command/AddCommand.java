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
 *
 * <p>A fetch may take up to the fetcher's deadline, so it runs in the {@link Background}: the
 * command answers at once that it is fetching, and the result follows as a second message that
 * answers the same /add. A person with too many fetches under way, or a bot with too many in all,
 * is told to wait.
 */
public final class AddCommand implements Command {
  private final Curation curation;
  private final Drafts drafts;
  private final RoleGate gate;
  private final Texts texts;
  private final Background background;

  AddCommand(Curation curation, Drafts drafts, RoleGate gate, Texts texts, Background background) {
    this.curation = Objects.requireNonNull(curation, "curation");
    this.drafts = Objects.requireNonNull(drafts, "drafts");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.background = Objects.requireNonNull(background, "background");
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
    if (args.isEmpty() && replied != null && !replied.text().isBlank()) {
      Article draft;
      try {
        draft = drafts.fromText(replied.text());
      } catch (ImportException e) {
        return context.reply(Html.escape(texts.get(context.language(), "curation.add.bad_text", e.describe())));
      }
      return add(context, check.role().orElseThrow(), draft);
    }
    if (args.isEmpty() || args.contains(" ") || args.contains("\n")) {
      return gate.usage(context, "add");
    }
    try {
      drafts.checkLink(args);
    } catch (FetchException e) {
      return fetchFailure(context, e);
    }
    Background.Admission admission =
        background.submit(
            context.incoming().userId(),
            context.incoming().chatKind(),
            () -> fetchAndAdd(context, args),
            () -> context.reply(Html.escape(texts.get(context.language(), "curation.failed"))));
    String key =
        switch (admission) {
          case STARTED -> "curation.add.fetching";
          case BUSY_FOR_PERSON -> "curation.add.busy_person";
          case BUSY -> "curation.add.busy";
        };
    return context.reply(Html.escape(texts.get(context.language(), key, RoleGate.shown(args))));
  }

  /** On a background thread: fetches the page and adds it, or says why not. */
  private List<Action> fetchAndAdd(CommandContext context, String url) {
    Article draft;
    try {
      draft = drafts.fromUrl(url);
    } catch (FetchException e) {
      return fetchFailure(context, e);
    }
    // The role is checked again: it may have been revoked while the page was fetched.
    RoleGate.Check check = gate.check(context, Role.CURATOR);
    if (!check.allowed()) {
      return check.refusal();
    }
    return add(context, check.role().orElseThrow(), draft);
  }

  private List<Action> add(CommandContext context, Role role, Article draft) {
    return gate.run(context, () -> {
      Article added = curation.add(context.incoming().userId(), role, draft);
      String key = added.status() == ArticleStatus.PUBLISHED ? "curation.added.published" : "curation.added.pending";
      return context.reply(texts.get(context.language(), key, Html.escape(added.id()), Html.escape(added.title())));
    });
  }

  private List<Action> fetchFailure(CommandContext context, FetchException e) {
    String key = "fetch." + e.reason().name().toLowerCase(Locale.ROOT);
    return context.reply(Html.escape(texts.get(context.language(), key, e.detail())));
  }
}
