package org.kontekst.bot.curation;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.feedback.VolunteerPost;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.ReplyRenderer;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.InvalidPostException;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The curation queue: what comes in (posts that got no match, as fingerprints only; posts people
 * sent to volunteers, with their text), what curators see ({@link #open}), what they do ({@link
 * #link}, {@link #dismiss}) and the follow-up everyone who asked then gets ({@link #outbox}).
 *
 * <p>Privacy: an unmatched post leaves a keyed MinHash fingerprint, its language and a count;
 * never its text, user or chat. A text is kept only when a person pressed "Send to volunteers"
 * and confirmed.
 */
public final class CurationQueue {
  private static final Logger log = LoggerFactory.getLogger(CurationQueue.class);
  /** Items re-checked when an article is published: the most recent open ones with a text. */
  private static final int RECHECK_LIMIT = 500;

  private final QueueRepository repository;
  private final Fingerprint fingerprints;
  private final Checker checker;
  private final double minScore;
  private final PublishedArticles articles;
  private final ReplyRenderer renderer;
  private final Texts texts;
  private final Clock clock;

  public CurationQueue(
      DataSource db,
      byte[] secret,
      Checker checker,
      double minScore,
      PublishedArticles articles,
      ReplyRenderer renderer,
      Texts texts,
      Clock clock) {
    this.repository = new QueueRepository(db);
    this.fingerprints = new Fingerprint(secret);
    this.checker = Objects.requireNonNull(checker, "checker");
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be in [0,1]: " + minScore);
    }
    this.minScore = minScore;
    this.articles = Objects.requireNonNull(articles, "articles");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Counts a checked post into the queue when nothing matched it (its fingerprint only). */
  public void checked(Report report) {
    if (report.hasMatch()) {
      return;
    }
    fingerprints
        .of(report.post().text(), Fingerprint.MIN_WORDS)
        .ifPresent(f -> repository.unmatched(f, report.language(), clock.instant()));
  }

  /**
   * Stores a post a person chose to send to volunteers and queues it with its near-duplicates;
   * false when this person already sent this reply's post.
   */
  public boolean submit(VolunteerPost post) {
    byte[] fingerprint = fingerprints.of(post.text(), 1).orElseThrow(
        () -> new IllegalArgumentException("a volunteer post needs a word"));
    return repository.submit(post, fingerprint, languageOf(post.text()), clock.instant());
  }

  private String languageOf(String text) {
    try {
      return checker.check(Post.of(text), 1, 1.0).language();
    } catch (InvalidPostException e) {
      return "";
    }
  }

  /** The open items, most posts first, then the most recent. */
  public List<QueueItem> open(int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be in [1,100]: " + limit);
    }
    return repository.open(limit);
  }

  /** How many items are open. */
  public int openCount() {
    return repository.size()[0];
  }

  /** How many people wait to be told about a post they sent. */
  public int waitingCount() {
    return repository.size()[1];
  }

  public Optional<QueueItem> find(long id) {
    return repository.find(id);
  }

  /** How a /link or /dismiss went. */
  public enum Outcome {
    DONE,
    NO_SUCH_ITEM,
    ALREADY_CLOSED,
    NO_SUCH_ARTICLE
  }

  /** The outcome and how many people will be told. */
  public record Result(Outcome outcome, int notices) {
    public Result {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /** Links an open item to a published article; everyone who asked is told once. */
  public Result link(long itemId, String articleId) {
    Optional<Article> article = articles.find(articleId);
    if (article.isEmpty() || !article.get().isPublished()) {
      return new Result(Outcome.NO_SUCH_ARTICLE, 0);
    }
    Map<InterfaceLanguage, String> notices = new EnumMap<>(InterfaceLanguage.class);
    for (InterfaceLanguage lang : InterfaceLanguage.values()) {
      Article a = article.get();
      notices.put(lang, renderer.notice(lang, a.title(), a.url(), a.outlet(), a.published()));
    }
    return result(repository.close(itemId, article.get().id(), notices, clock.instant()));
  }

  /**
   * Dismisses an open item. Whoever asked to be told is told that volunteers looked at the post
   * and found no verified article: that was the promise.
   */
  public Result dismiss(long itemId) {
    Map<InterfaceLanguage, String> notices = new EnumMap<>(InterfaceLanguage.class);
    for (InterfaceLanguage lang : InterfaceLanguage.values()) {
      notices.put(lang, Html.escape(texts.get(lang, "notice.dismissed")));
    }
    return result(repository.close(itemId, null, notices, clock.instant()));
  }

  private static Result result(QueueRepository.Closing closing) {
    Outcome outcome =
        switch (closing.outcome()) {
          case DONE -> Outcome.DONE;
          case NO_SUCH_ITEM -> Outcome.NO_SUCH_ITEM;
          case ALREADY_CLOSED -> Outcome.ALREADY_CLOSED;
        };
    return new Result(outcome, closing.notices());
  }

  /**
   * An article was published (or approved): every open item whose kept text now matches it above
   * the threshold is linked to it, and everyone who asked is told. Call it after the index knows
   * the article. Returns the number of items linked.
   */
  public int articlePublished(String articleId) {
    Objects.requireNonNull(articleId, "articleId");
    int linked = 0;
    for (Map.Entry<Long, String> item : repository.openTexts(RECHECK_LIMIT).entrySet()) {
      Report report;
      try {
        report = checker.check(Post.of(item.getValue()), 10, minScore);
      } catch (InvalidPostException e) {
        continue;
      }
      if (report.matches().stream().anyMatch(m -> m.article().equals(articleId))
          && link(item.getKey(), articleId).outcome() == Outcome.DONE) {
        linked++;
      }
    }
    if (linked > 0) {
      log.info("article {} answered {} queue items", articleId, linked);
    }
    return linked;
  }

  /** The follow-ups waiting to be sent. */
  public NoticeOutbox outbox() {
    return repository;
  }
}
