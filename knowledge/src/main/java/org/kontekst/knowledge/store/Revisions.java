package org.kontekst.knowledge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The revision counters of what instances hold in memory or derive from the database: the articles
 * ({@code kb_revision}, bumped by {@link ArticleRepository}) and one counter per other topic
 * ({@code sync_revision}). A write bumps its topic in its own transaction; an instance that sees a
 * counter move reloads that topic. Reading them all is one indexed query, cheap enough to poll
 * every second.
 */
public final class Revisions {
  /** Articles: the search index follows them. */
  public static final String ARTICLES = "articles";
  /** The curated lexicon ({@code lexicon_entry}). */
  public static final String LEXICON = "lexicon";
  /** The curated aliases ({@code curated_alias}): the alias table and the index follow them. */
  public static final String ALIASES = "aliases";
  /** Per-chat settings ({@code tg_chat_settings}), cached by the bot. */
  public static final String CHAT_SETTINGS = "chat_settings";

  /** Every topic, articles first. */
  public static final List<String> TOPICS = List.of(ARTICLES, LEXICON, ALIASES, CHAT_SETTINGS);

  private final DataSource db;

  public Revisions(DataSource db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /** Every topic's revision, read in one query. */
  public Map<String, Long> read() {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT 'articles', revision FROM kb_revision WHERE id = 1"
                    + " UNION ALL SELECT topic, revision FROM sync_revision");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the revisions: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Bumps a topic inside the caller's transaction, so that the change and its signal commit
   * together. Articles are bumped by {@link ArticleRepository}, which also stamps them.
   */
  public static void bump(Connection c, String topic) throws SQLException {
    if (!TOPICS.contains(topic) || ARTICLES.equals(topic)) {
      throw new IllegalArgumentException("not a topic with a sync revision: " + topic);
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE sync_revision SET revision = revision + 1 WHERE topic = ?")) {
      ps.setString(1, topic);
      ps.executeUpdate();
    }
  }

  /**
   * Deletes the row {@code id} of {@code table} (a table name fixed in the caller's code, never
   * input) and bumps {@code topic} in the same transaction; false, and nothing bumped, when there
   * was no such row.
   */
  public static boolean deleteById(DataSource db, String table, long id, String topic) {
    return Transactions.inTransaction(
        db,
        "remove " + table + " " + id,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            if (ps.executeUpdate() == 0) {
              return false;
            }
          }
          bump(c, topic);
          return true;
        });
  }

  /**
   * Bumps every topic and stamps every article with the new KB revision, inside the caller's
   * transaction: after a restore, everything changed.
   */
  public static void bumpAll(Connection c) throws SQLException {
    long revision = ArticleRepository.bumpRevision(c);
    try (PreparedStatement ps = c.prepareStatement("UPDATE article SET revision = ?")) {
      ps.setLong(1, revision);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE sync_revision SET revision = revision + 1")) {
      ps.executeUpdate();
    }
  }
}
