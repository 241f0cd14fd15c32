package org.kontekst.bot.command;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
import org.kontekst.bot.curation.RetentionPolicy;
import org.kontekst.bot.curation.Roles;
import org.kontekst.bot.feedback.FeedbackHandler;
import org.kontekst.bot.feedback.FeedbackRepository;
import org.kontekst.bot.feedback.ReplyLog;
import org.kontekst.bot.feedback.Signer;
import org.kontekst.bot.render.ContextWriter;
import org.kontekst.bot.render.ReplyComposer;
import org.kontekst.bot.render.ReplyRenderer;
import org.kontekst.bot.render.Texts;
import org.kontekst.bot.curation.AuditLog;
import org.kontekst.bot.curation.Curation;
import org.kontekst.bot.curation.Drafts;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.ingest.ArticleImporter;
import org.kontekst.knowledge.ingest.HtmlArticleExtractor;
import org.kontekst.knowledge.ingest.PageFetcher;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.ArticleRepository;
import org.kontekst.knowledge.search.AliasEntry;
import org.kontekst.knowledge.search.CuratedAliases;
import org.kontekst.knowledge.wording.CuratedLexicon;
import org.kontekst.knowledge.wording.Wording;

/**
 * Everything the bot says and remembers, wired once: the router with its commands, post check,
 * feedback and repositories, and the {@link Background} that runs slow work such as /add's fetches
 * (whose replies the transport delivers once it calls {@code background().deliverTo}). The
 * Telegram bot, the local console and the benchmark each build one from {@code Main} (or a test)
 * and differ only at the two ends. Closing it stops the background work.
 */
public record Conversation(
    Router router,
    CommandRegistry commands,
    Texts texts,
    ReplyRenderer renderer,
    BotState state,
    ChatSettingsRepository settings,
    FeedbackRepository feedback,
    CurationQueue queue,
    Background background)
    implements AutoCloseable {

  /** How long feedback buttons stay valid. */
  public static final Duration BUTTON_LIFETIME = Duration.ofDays(30);
  /** Pages fetched at once for /add; more wait for a thread. */
  static final int FETCH_THREADS = 2;
  /** Fetches under way for one curator. */
  static final int FETCHES_PER_PERSON = 2;
  /** Fetches under way in all. */
  static final int FETCHES_OVERALL = 4;

  public Conversation {
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(background, "background");
  }

  @Override
  public void close() {
    background.close();
  }

  /**
   * The parts that come from outside: the engine, the database, Telegram, time, what curation
   * needs ({@code curation} null: no curation commands, as in benchmarks), the context writer (a
   * language model, or {@link ContextWriter#NONE}) with its "typing…" indicator, and the retention
   * of volunteer posts that /privacy states.
   */
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
      CurationParts curation,
      ContextWriter contextWriter,
      Typing typing,
      RetentionPolicy retention) {
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
      Objects.requireNonNull(contextWriter, "contextWriter");
      Objects.requireNonNull(typing, "typing");
      Objects.requireNonNull(retention, "retention");
    }

    /**
     * Parts without curation, with replies from the templates alone and volunteer posts kept as
     * {@link RetentionPolicy#DEFAULT} says; the withers below change that.
     */
    public Parts(
        Checker checker,
        CheckSettings checkSettings,
        DataSource db,
        Supplier<KnowledgeSummary> summary,
        AdminCheck admins,
        String botUsername,
        CheckObserver observer,
        Clock clock,
        Ticker ticker) {
      this(checker, checkSettings, db, summary, admins, botUsername, observer, clock, ticker, null,
          ContextWriter.NONE, Typing.NONE, RetentionPolicy.DEFAULT);
    }

    /** These parts with the curation commands, which need {@code curation}. */
    public Parts withCuration(CurationParts curation) {
      return copy(curation, contextWriter, typing, retention);
    }

    /** These parts with replies opened by {@code writer}'s paragraphs, showing {@code typing} meanwhile. */
    public Parts withContext(ContextWriter writer, Typing typing) {
      return copy(curation, writer, typing, retention);
    }

    /** These parts with volunteer posts kept as {@code policy} says. */
    public Parts withRetention(RetentionPolicy policy) {
      return copy(curation, contextWriter, typing, policy);
    }

    private Parts copy(CurationParts curation, ContextWriter writer, Typing typing, RetentionPolicy policy) {
      return new Parts(checker, checkSettings, db, summary, admins, botUsername, observer, clock, ticker, curation,
          writer, typing, policy);
    }
  }

  /**
   * What the curation commands need from outside: the admins' Telegram user ids ({@code
   * KONTEKST_ADMINS}), the article store, the page fetcher, the language detector, the engine's
   * hook that keeps the search index in step with every article write, and the engine's curated
   * lexicon and aliases.
   */
  public record CurationParts(
      Set<Long> admins,
      ArticleRepository articles,
      PageFetcher fetcher,
      LanguageDetector languages,
      Consumer<Collection<Article>> articlesChanged,
      CuratedLexicon lexicon,
      AliasCuration aliases) {
    public CurationParts {
      admins = Set.copyOf(Objects.requireNonNull(admins, "admins"));
      Objects.requireNonNull(articles, "articles");
      Objects.requireNonNull(fetcher, "fetcher");
      Objects.requireNonNull(languages, "languages");
      Objects.requireNonNull(articlesChanged, "articlesChanged");
      Objects.requireNonNull(lexicon, "lexicon");
      Objects.requireNonNull(aliases, "aliases");
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
    PublishedArticles published =
        p.curation() == null ? id -> Optional.empty() : id -> p.curation().articles().find(id);
    CurationQueue queue =
        new CurationQueue(
            p.db(), state.secret(), p.checker(), p.checkSettings().minScore(), published,
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
            p.checker(),
            p.checkSettings(),
            new ReplyComposer(renderer, p.contextWriter()),
            p.typing(),
            texts,
            replies,
            buttons,
            feedback,
            signer,
            observer,
            sources);
    LangCommand lang = new LangCommand(texts, settings);
    SettingsCommand settingsCommand = new SettingsCommand(texts, settings, p.admins(), signer);
    List<Command> all =
        new ArrayList<>(
            List.of(
                new StartCommand(texts),
                new HelpCommand(texts),
                new AboutCommand(texts, p.summary()),
                new PrivacyCommand(texts, p.retention()),
                lang,
                new CheckCommand(texts, check),
                settingsCommand));
    Background background = new Background(FETCH_THREADS, FETCHES_PER_PERSON, FETCHES_OVERALL);
    if (p.curation() != null) {
      all.addAll(curationCommands(p, texts, queue, usage, sources, background));
    }
    CommandRegistry commands = new CommandRegistry(all);
    Router router = new Router(commands, check, buttons, lang, settingsCommand, settings, texts, p.botUsername());
    return new Conversation(router, commands, texts, renderer, state, settings, feedback, queue, background);
  }

  private static List<Command> curationCommands(
      Parts p, Texts texts, CurationQueue queue, UsageStats usage, SourceRegistry sources, Background background) {
    CurationParts c = p.curation();
    Roles roles = new Roles(p.db(), c.admins());
    AuditLog auditLog = new AuditLog(p.db());
    Audit audit = Audit.into(auditLog, p.db(), p.clock());
    // After every article write the index follows, then the queue hears of newly published
    // articles so that the people who asked are told.
    Consumer<Collection<Article>> changed =
        articles -> {
          c.articlesChanged().accept(articles);
          for (Article a : articles) {
            if (a.isPublished()) queue.articlePublished(a.id());
          }
        };
    Curation curation = new Curation(p.db(), c.articles(), roles, auditLog, changed, p.clock());
    Drafts drafts =
        new Drafts(c.fetcher(), new HtmlArticleExtractor(), new ArticleImporter(c.articles(), c.languages()), c.languages(), p.clock());
    RoleGate gate = new RoleGate(roles, texts);
    return List.of(
        new AddCommand(curation, drafts, gate, texts, background),
        new EditCommand(curation, gate, texts),
        new ShowCommand(curation, gate, texts),
        new ApproveCommand(curation, gate, texts),
        new RejectCommand(curation, gate, texts),
        new RetireCommand(curation, gate, texts),
        new AuditCommand(curation, gate, texts),
        new GrantCommand(curation, gate, texts),
        new RevokeCommand(curation, gate, texts),
        new QueueCommand(texts, gate, queue),
        new LinkCommand(texts, gate, queue, audit),
        new DismissCommand(texts, gate, queue, audit),
        new TermCommand(texts, gate, c.lexicon(), audit),
        new AliasCommand(texts, gate, c.aliases(), audit),
        new StatsCommand(texts, gate, usage, queue),
        new SourceCommand(texts, gate, sources, audit));
  }
}
