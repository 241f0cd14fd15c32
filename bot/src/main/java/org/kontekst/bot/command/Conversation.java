package org.kontekst.bot.command;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.kontekst.bot.chat.BotState;
import org.kontekst.bot.chat.ChatSettingsRepository;
import org.kontekst.bot.curation.AliasCuration;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.curation.CurationQueue;
import org.kontekst.bot.curation.SourceRegistry;
import org.kontekst.bot.curation.UsageStats;
import org.kontekst.bot.curation.PublishedArticles;
import org.kontekst.bot.curation.Roles;
import org.kontekst.bot.feedback.FeedbackHandler;
import org.kontekst.bot.feedback.FeedbackRepository;
import org.kontekst.bot.feedback.ReplyLog;
import org.kontekst.bot.feedback.Signer;
import org.kontekst.bot.render.ReplyRenderer;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.search.AliasEntry;
import org.kontekst.knowledge.search.CuratedAliases;
import org.kontekst.knowledge.wording.CuratedLexicon;
import org.kontekst.knowledge.wording.Wording;

/**
 * Everything the bot says and remembers, wired once: the router with its commands, post check,
 * feedback and repositories. The Telegram bot, the local console and the benchmark each build one
 * from {@code Main} (or a test) and differ only at the two ends.
 */
public record Conversation(
    Router router,
    CommandRegistry commands,
    Texts texts,
    ReplyRenderer renderer,
    BotState state,
    ChatSettingsRepository settings,
    FeedbackRepository feedback,
    CurationQueue queue) {

  /** How long feedback buttons stay valid. */
  public static final Duration BUTTON_LIFETIME = Duration.ofDays(30);

  public Conversation {
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(commands, "commands");
  }

  /** The parts that come from outside: the engine, the database, Telegram, time. */
  public record Parts(
      Checker checker,
      CheckSettings checkSettings,
      DataSource db,
      Supplier<KnowledgeSummary> summary,
      AdminCheck admins,
      String botUsername,
      CheckObserver observer,
      Clock clock,
      Ticker ticker,
      Curation curation) {
    public Parts {
      Objects.requireNonNull(checker, "checker");
      Objects.requireNonNull(checkSettings, "checkSettings");
      Objects.requireNonNull(db, "db");
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(admins, "admins");
      Objects.requireNonNull(botUsername, "botUsername");
      Objects.requireNonNull(observer, "observer");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(ticker, "ticker");
      Objects.requireNonNull(curation, "curation");
    }
  }

  /**
   * What curation needs from outside: who holds which role, where writes are recorded, the
   * knowledge base's published articles, and the engine's curated lexicon and aliases.
   */
  public record Curation(
      Roles roles, Audit audit, PublishedArticles articles, CuratedLexicon lexicon, AliasCuration aliases) {
    public Curation {
      Objects.requireNonNull(roles, "roles");
      Objects.requireNonNull(audit, "audit");
      Objects.requireNonNull(articles, "articles");
      Objects.requireNonNull(lexicon, "lexicon");
      Objects.requireNonNull(aliases, "aliases");
    }

    /** No curators, no articles, no aliases: for tools and tests that do not curate. */
    public static Curation none(DataSource db) {
      AliasCuration noAliases =
          new AliasCuration() {
            @Override
            public long add(AliasEntry entry, String curator) {
              throw new UnsupportedOperationException("no alias table here");
            }

            @Override
            public boolean remove(long id) {
              return false;
            }

            @Override
            public List<CuratedAliases.Stored> list() {
              return List.of();
            }
          };
      return new Curation(Roles.NOBODY, Audit.LOG, id -> java.util.Optional.empty(), Wording.withStore(db), noAliases);
    }
  }

  public static Conversation assemble(Parts p) {
    Texts texts = new Texts();
    ReplyRenderer renderer = new ReplyRenderer(texts, p.clock());
    BotState state = new BotState(p.db());
    Signer signer = new Signer(state.secret());
    ChatSettingsRepository settings = new ChatSettingsRepository(p.db(), p.ticker());
    ReplyLog replies = new ReplyLog(p.db(), p.clock());
    FeedbackRepository feedback = new FeedbackRepository(p.db(), p.clock());
    CurationQueue queue =
        new CurationQueue(
            p.db(), state.secret(), p.checker(), p.checkSettings().minScore(), p.curation().articles(),
            renderer, texts, p.clock());
    FeedbackHandler buttons =
        new FeedbackHandler(signer, replies, feedback, queue::submit, texts, p.clock(), BUTTON_LIFETIME);
    UsageStats usage = new UsageStats(p.db(), p.clock());
    CheckObserver observer =
        report -> {
          p.observer().checked(report);
          usage.checked(report);
          queue.checked(report);
        };
    SourceRegistry sources = new SourceRegistry(p.db(), p.clock());
    PostCheck check =
        new PostCheck(
            p.checker(), p.checkSettings(), renderer, texts, replies, buttons, feedback, signer, observer, sources);
    RoleGate gate = new RoleGate(p.curation().roles(), texts);
    Audit audit = p.curation().audit();
    LangCommand lang = new LangCommand(texts, settings);
    CommandRegistry commands =
        new CommandRegistry(
            List.of(
                new StartCommand(texts),
                new HelpCommand(texts),
                new AboutCommand(texts, p.summary()),
                new PrivacyCommand(texts),
                lang,
                new CheckCommand(texts, check),
                new SettingsCommand(texts, settings, p.admins()),
                new QueueCommand(texts, gate, queue),
                new LinkCommand(texts, gate, queue, audit),
                new DismissCommand(texts, gate, queue, audit),
                new TermCommand(texts, gate, p.curation().lexicon(), audit),
                new AliasCommand(texts, gate, p.curation().aliases(), audit),
                new StatsCommand(texts, gate, usage, queue)));
    Router router = new Router(commands, check, buttons, lang, settings, texts, p.botUsername());
    return new Conversation(router, commands, texts, renderer, state, settings, feedback, queue);
  }
}
