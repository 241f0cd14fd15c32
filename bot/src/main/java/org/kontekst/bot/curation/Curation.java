package org.kontekst.bot.curation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.article.Languages;
import org.kontekst.knowledge.store.ArticleRepository;
import org.kontekst.knowledge.store.StoreException;
import org.kontekst.knowledge.store.Transactions;

/**
 * The curation actions on articles and roles. Each runs in one transaction that writes the change
 * and its {@link AuditEntry} together; after the commit the search index is told at once, so that
 * a published article matches the next post and a retired one no longer does. Callers check the
 * person's role first (see {@code command.RoleGate}); the rules that depend on the article (a
 * curator edits only pending articles) are checked here.
 */
public final class Curation {
  /** The fields {@code /edit} changes. */
  public static final List<String> FIELDS = List.of("title", "outlet", "url", "published", "language", "tags", "text");

  private final DataSource db;
  private final ArticleRepository articles;
  private final Roles roles;
  private final AuditLog audit;
  private final Consumer<Collection<Article>> articlesChanged;
  private final Clock clock;
  private final Object additions = new Object();

  public Curation(
      DataSource db, ArticleRepository articles, Roles roles, AuditLog audit,
      Consumer<Collection<Article>> articlesChanged, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.articles = Objects.requireNonNull(articles, "articles");
    this.roles = Objects.requireNonNull(roles, "roles");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.articlesChanged = Objects.requireNonNull(articlesChanged, "articlesChanged");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Roles roles() {
    return roles;
  }

  public AuditLog audit() {
    return audit;
  }

  public Optional<Article> find(String id) {
    return articles.find(id);
  }

  /**
   * Stores a new article: pending when a curator adds it, published when a moderator or admin
   * does. The id is the draft's, or the draft's with "-2", "-3"... when it is taken. Additions
   * take turns (several /add fetches finish at once): two drafts with one id would otherwise both
   * find it free, and the second write would replace the first article.
   */
  public Article add(long actor, Role role, Article draft) {
    Article added;
    synchronized (additions) {
      added = insert(actor, role, draft);
    }
    articlesChanged.accept(List.of(added));
    return added;
  }

  private Article insert(long actor, Role role, Article draft) {
    return transaction(c -> {
      Instant now = now();
      String id = freeId(c, draft.id());
      ArticleStatus status = role.atLeast(Role.MODERATOR) ? ArticleStatus.PUBLISHED : ArticleStatus.PENDING;
      Article a = new Article(id, draft.title(), draft.outlet(), draft.url(), draft.published(), draft.language(),
          draft.body(), draft.text(), draft.tags(), status, now, now);
      articles.upsertAll(c, List.of(a));
      audit.record(c, new AuditEntry(0, now, actor, "add", id, "", ArticleJson.toJson(a), ""));
      return a;
    });
  }

  /** Changes one field (one of {@link #FIELDS}); curators may change pending articles only. */
  public Article edit(long actor, Role role, String id, String field, String value) {
    String name = field.toLowerCase(Locale.ROOT);
    if (!FIELDS.contains(name)) {
      throw new CurationException("field", "no field " + field + "; use one of " + String.join(", ", FIELDS),
          field, String.join(", ", FIELDS));
    }
    Article edited = transaction(c -> {
      Article before = existing(c, id);
      if (!role.atLeast(Role.MODERATOR) && before.status() != ArticleStatus.PENDING) {
        throw new CurationException("curator_pending_only", "curators edit pending articles only; " + id + " is " + before.status().label(),
            id, before.status().label());
      }
      Article after = withField(before, name, value, now());
      articles.upsertAll(c, List.of(after));
      audit.record(c, new AuditEntry(0, after.updated(), actor, "edit", id, ArticleJson.toJson(before), ArticleJson.toJson(after), name));
      return after;
    });
    articlesChanged.accept(List.of(edited));
    return edited;
  }

  /** Publishes a pending article. */
  public Article approve(long actor, String id) {
    return move(actor, id, "approve", List.of(ArticleStatus.PENDING), ArticleStatus.PUBLISHED, "");
  }

  /** Turns down a pending article, with the reason on record; it is kept, retired. */
  public Article reject(long actor, String id, String reason) {
    if (reason.isBlank() || reason.length() > 1000) {
      throw new CurationException("reason", "a reason of 1 to 1000 characters is needed");
    }
    return move(actor, id, "reject", List.of(ArticleStatus.PENDING), ArticleStatus.RETIRED, reason.strip());
  }

  /** Takes a published or pending article out of matching; it stays in the KB, retired. */
  public Article retire(long actor, String id) {
    return move(actor, id, "retire", List.of(ArticleStatus.PUBLISHED, ArticleStatus.PENDING), ArticleStatus.RETIRED, "");
  }

  private Article move(long actor, String id, String action, List<ArticleStatus> from, ArticleStatus to, String note) {
    Article moved = transaction(c -> {
      Article before = existing(c, id);
      if (!from.contains(before.status())) {
        throw new CurationException("status", id + " is " + before.status().label() + ", so it cannot be " + action + "d",
            id, before.status().label());
      }
      Article after = before.withStatus(to, now());
      articles.upsertAll(c, List.of(after));
      audit.record(c, new AuditEntry(0, after.updated(), actor, action, id, ArticleJson.toJson(before), ArticleJson.toJson(after), note));
      return after;
    });
    articlesChanged.accept(List.of(moved));
    return moved;
  }

  /** Grants a role; false when the person already had it. */
  public boolean grant(long actor, long userId, Role role) {
    requireUser(userId);
    return transaction(c -> {
      Instant now = now();
      boolean granted = roles.grant(c, new Roles.Grant(userId, role, actor, now));
      if (granted) {
        audit.record(c, new AuditEntry(0, now, actor, "grant", String.valueOf(userId), "", roleJson(userId, role), ""));
      }
      return granted;
    });
  }

  /** Revokes a role; false when the person did not have it. */
  public boolean revoke(long actor, long userId, Role role) {
    requireUser(userId);
    return transaction(c -> {
      Optional<Roles.Grant> removed = roles.revoke(c, userId, role);
      removed.ifPresent(g -> {
        try {
          audit.record(c, new AuditEntry(0, now(), actor, "revoke", String.valueOf(userId), roleJson(userId, role), "", ""));
        } catch (SQLException e) {
          throw new StoreException("cannot record the revocation: " + e.getMessage(), e);
        }
      });
      return removed.isPresent();
    });
  }

  private static void requireUser(long userId) {
    if (userId <= 0) {
      throw new CurationException("user", "a Telegram user id is a positive number: " + userId, String.valueOf(userId));
    }
  }

  private static String roleJson(long userId, Role role) {
    return "{\"user\":" + userId + ",\"role\":\"" + role.label() + "\"}";
  }

  private Article existing(Connection c, String id) throws SQLException {
    return articles.findForUpdate(c, id)
        .orElseThrow(() -> new CurationException("no_article", "no article " + id, id));
  }

  private String freeId(Connection c, String wanted) throws SQLException {
    if (articles.findForUpdate(c, wanted).isEmpty()) {
      return wanted;
    }
    String stem = wanted.length() > 190 ? wanted.substring(0, 190) : wanted;
    for (int n = 2; ; n++) {
      String candidate = stem + "-" + n;
      if (articles.findForUpdate(c, candidate).isEmpty()) {
        return candidate;
      }
    }
  }

  private Article withField(Article a, String field, String value, Instant now) {
    String v = value.strip();
    try {
      return switch (field) {
        case "title" -> new Article(a.id(), v, a.outlet(), a.url(), a.published(), a.language(), a.body(), a.text(), a.tags(), a.status(), a.created(), now);
        case "outlet" -> new Article(a.id(), a.title(), v, a.url(), a.published(), a.language(), a.body(), a.text(), a.tags(), a.status(), a.created(), now);
        case "url" -> new Article(a.id(), a.title(), a.outlet(), url(v), a.published(), a.language(), a.body(), a.text(), a.tags(), a.status(), a.created(), now);
        case "published" -> new Article(a.id(), a.title(), a.outlet(), a.url(), date(v), a.language(), a.body(), a.text(), a.tags(), a.status(), a.created(), now);
        case "language" -> new Article(a.id(), a.title(), a.outlet(), a.url(), a.published(), Languages.require(v), a.body(), a.text(), a.tags(), a.status(), a.created(), now);
        case "tags" -> new Article(a.id(), a.title(), a.outlet(), a.url(), a.published(), a.language(), a.body(), a.text(), tags(v), a.status(), a.created(), now);
        case "text" -> new Article(a.id(), a.title(), a.outlet(), a.url(), a.published(), a.language(), value, v, a.tags(), a.status(), a.created(), now);
        default -> throw new IllegalStateException("unchecked field " + field);
      };
    } catch (IllegalArgumentException e) {
      throw new CurationException("value", field + ": " + e.getMessage(), field, e.getMessage());
    }
  }

  private static String url(String v) {
    if (v.isEmpty() || v.equals("-")) {
      return "";
    }
    if (!v.matches("(?i)https?://[^\\s<>\"]{1,1990}")) {
      throw new IllegalArgumentException("a link starts with http:// or https:// and has no spaces");
    }
    return v;
  }

  private LocalDate date(String v) {
    if (v.isEmpty() || v.equals("-")) {
      return null;
    }
    LocalDate d;
    try {
      d = LocalDate.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("a date is written yyyy-mm-dd, e.g. 2024-06-19");
    }
    if (d.isAfter(LocalDate.now(clock).plusDays(1)) || d.getYear() < 1900) {
      throw new IllegalArgumentException("the date " + v + " is not plausible");
    }
    return d;
  }

  private static List<String> tags(String v) {
    List<String> out = new ArrayList<>();
    for (String t : Arrays.asList(v.split(","))) {
      String s = t.strip();
      if (!s.isEmpty() && !out.contains(s)) {
        if (s.length() > 100) {
          throw new IllegalArgumentException("a tag is at most 100 characters");
        }
        out.add(s);
      }
    }
    return out;
  }

  /** The database keeps microseconds; what is returned must equal what is read back. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private <T> T transaction(Transactions.Work<T> work) {
    return Transactions.inTransaction(db, "save the curation change", work);
  }
}
