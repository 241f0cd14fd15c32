package org.kontekst.knowledge.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;

/**
 * Reads and writes articles. Every write runs in one transaction, bumps the KB revision and stamps
 * the articles it wrote with it, so that a reader can fetch what changed since a revision it knows.
 */
public final class ArticleRepository {
  private static final String COLUMNS =
      "id, title, outlet, url, published, language, body, text, tags, status, created_at, updated_at";

  private final KnowledgeStore store;

  ArticleRepository(KnowledgeStore store) {
    this.store = store;
  }

  /** Inserts or updates the articles in one transaction; an existing article keeps its created time. */
  public void upsertAll(Collection<Article> articles) {
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      try {
        upsert(c, articles, bumpRevision(c));
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save articles: " + e.getMessage(), e);
    }
  }

  public void upsert(Article article) {
    upsertAll(List.of(article));
  }

  /**
   * Inserts or updates the articles and bumps the KB revision inside the caller's transaction on
   * {@code c}, so that a curation write and its audit record commit or roll back together. The
   * caller commits.
   */
  public void upsertAll(Connection c, Collection<Article> articles) throws SQLException {
    upsert(c, articles, bumpRevision(c));
  }

  /** Reads one article inside the caller's transaction and locks its row until it ends. */
  public Optional<Article> findForUpdate(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM article WHERE id = ? FOR UPDATE")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** All articles whatever their status, ordered by id (for backups). */
  public List<Article> all() {
    List<Article> out = new ArrayList<>();
    for (ArticleStatus status : ArticleStatus.values()) {
      out.addAll(withStatus(status));
    }
    out.sort(java.util.Comparator.comparing(Article::id));
    return out;
  }

  private static void upsert(Connection c, Collection<Article> articles, long revision) throws SQLException {
    String sql =
        // The date is cast because PostgreSQL's driver binds dates untyped, and a VALUES row would
        // then make it text.
        "MERGE INTO article t USING (VALUES (?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?, ?)) AS s("
            + COLUMNS
            + ", revision) ON t.id = s.id"
            + " WHEN MATCHED THEN UPDATE SET title = s.title, outlet = s.outlet, url = s.url,"
            + " published = s.published, language = s.language, body = s.body, text = s.text,"
            + " tags = s.tags, status = s.status, updated_at = s.updated_at, revision = s.revision"
            + " WHEN NOT MATCHED THEN INSERT ("
            + COLUMNS
            + ", revision) VALUES (s.id, s.title, s.outlet, s.url, s.published, s.language, s.body, s.text,"
            + " s.tags, s.status, s.created_at, s.updated_at, s.revision)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Article a : articles) {
        ps.setString(1, a.id());
        ps.setString(2, a.title());
        ps.setString(3, a.outlet());
        ps.setString(4, a.url());
        ps.setDate(5, a.published() == null ? null : Date.valueOf(a.published()));
        ps.setString(6, a.language());
        ps.setString(7, a.body());
        ps.setString(8, a.text());
        ps.setString(9, String.join("\n", a.tags()));
        ps.setString(10, a.status().name());
        ps.setObject(11, a.created().atOffset(ZoneOffset.UTC));
        ps.setObject(12, a.updated().atOffset(ZoneOffset.UTC));
        ps.setLong(13, revision);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Bumps the KB revision and returns the new one. The bump locks the counter's row until the
   * transaction ends, so writers commit in revision order: a reader that sees revision R committed
   * also sees every article stamped R or lower.
   */
  static long bumpRevision(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE kb_revision SET revision = revision + 1 WHERE id = 1")) {
      ps.executeUpdate();
    }
    return revision(c);
  }

  private static long revision(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM kb_revision WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The articles written after KB revision {@code after}, and the revision that brings a reader to. */
  public record Changes(List<Article> articles, long revision) {
    public Changes {
      articles = List.copyOf(articles);
    }
  }

  /**
   * Every article (whatever its status) written after KB revision {@code after}, for an index that
   * holds that revision to catch up incrementally. The revision returned covers them all.
   */
  public Changes changedSince(long after) {
    try (Connection c = store.connection()) {
      // The counter first: every article stamped up to it is committed. Articles committed in
      // between come along too, with higher stamps, and raise the revision returned.
      long revision = revision(c);
      List<Article> out = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement("SELECT " + COLUMNS + ", revision FROM article WHERE revision > ? ORDER BY revision, id")) {
        ps.setLong(1, after);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
            revision = Math.max(revision, rs.getLong("revision"));
          }
        }
      }
      return new Changes(out, revision);
    } catch (SQLException e) {
      throw new StoreException("cannot read the articles changed since revision " + after + ": " + e.getMessage(), e);
    }
  }

  public Optional<Article> find(String id) {
    List<Article> found = query("SELECT " + COLUMNS + " FROM article WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** All articles with the given status, ordered by id. */
  public List<Article> withStatus(ArticleStatus status) {
    return query(
        "SELECT " + COLUMNS + " FROM article WHERE status = ? ORDER BY id", status.name());
  }

  public List<Article> published() {
    return withStatus(ArticleStatus.PUBLISHED);
  }

  public int count(ArticleStatus status) {
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM article WHERE status = ?")) {
      ps.setString(1, status.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count articles: " + e.getMessage(), e);
    }
  }

  /** A number that changes with every write to the articles; derived indexes record it. */
  public long revision() {
    try (Connection c = store.connection()) {
      return revision(c);
    } catch (SQLException e) {
      throw new StoreException("cannot read the KB revision: " + e.getMessage(), e);
    }
  }

  /** The time of the most recent change to any article, or empty for an empty KB. */
  public Optional<Instant> lastUpdated() {
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("SELECT MAX(updated_at) FROM article");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
      return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
    } catch (SQLException e) {
      throw new StoreException("cannot read the last update: " + e.getMessage(), e);
    }
  }

  private List<Article> query(String sql, String parameter) {
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        List<Article> out = new ArrayList<>();
        while (rs.next()) {
          out.add(read(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read articles: " + e.getMessage(), e);
    }
  }

  private static Article read(ResultSet rs) throws SQLException {
    Date published = rs.getDate("published");
    String tags = rs.getString("tags");
    return new Article(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("outlet"),
        rs.getString("url"),
        published == null ? null : published.toLocalDate(),
        rs.getString("language"),
        rs.getString("body"),
        rs.getString("text"),
        tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n")),
        ArticleStatus.valueOf(rs.getString("status")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

}
