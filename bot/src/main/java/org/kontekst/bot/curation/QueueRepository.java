package org.kontekst.bot.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.feedback.VolunteerPost;
import org.kontekst.knowledge.store.Transactions;

/**
 * The queue in H2 ({@code queue_item}, and the queue and notice columns of {@code
 * tg_volunteer_post}). Every write is one transaction. Clustering compares a new fingerprint with
 * those of the open items seen in the last {@link #CLUSTER_WINDOW}, newest first: a linear scan,
 * cheap for the few thousand items a volunteer team can look at.
 */
final class QueueRepository implements NoticeOutbox {
  static final Duration CLUSTER_WINDOW = Duration.ofDays(60);
  private static final int CLUSTER_SCAN = 5_000;

  private static final String ITEM_COLUMNS =
      "q.id, q.language, q.unmatched, q.sent, q.first_seen, q.last_seen, q.status, q.article_id,"
          + " (SELECT COUNT(*) FROM tg_volunteer_post v WHERE v.queue_item_id = q.id"
          + "   AND v.notify_chat_id IS NOT NULL AND v.notice_status IS NULL),"
          + " (SELECT v.text FROM tg_volunteer_post v WHERE v.queue_item_id = q.id ORDER BY v.id DESC LIMIT 1),"
          + " (SELECT v.forwarded_from FROM tg_volunteer_post v WHERE v.queue_item_id = q.id"
          + "   ORDER BY v.id DESC LIMIT 1)";

  private final DataSource db;

  QueueRepository(DataSource db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /** Counts an unmatched check into the item it is a near-duplicate of, or a new item. */
  synchronized long unmatched(byte[] fingerprint, String language, Instant now) {
    return Transactions.inTransaction(
        db, "queue an unmatched post", c -> join(c, fingerprint, language, now, "unmatched"));
  }

  /**
   * Stores a post sent to volunteers and counts it into its item, in one transaction; false (and
   * nothing written) when this person already sent this reply's post.
   */
  synchronized boolean submit(VolunteerPost post, byte[] fingerprint, String language, Instant now) {
    return Transactions.inTransaction(
        db,
        "store a post for volunteers",
        c -> {
          long postId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tg_volunteer_post (created_at, reply_id, text, forwarded_from,"
                      + " interface_language, user_hash, notify_chat_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"})) {
            ps.setObject(1, at(now));
            ps.setLong(2, post.replyId());
            ps.setString(3, post.text());
            ps.setString(4, post.forwardedFrom());
            ps.setString(5, post.language().code());
            ps.setString(6, post.userHash());
            if (post.notifyChatId() == null) {
              ps.setNull(7, Types.BIGINT);
            } else {
              ps.setLong(7, post.notifyChatId());
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              postId = keys.getLong(1);
            }
          } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
              return false;
            }
            throw e;
          }
          long item = join(c, fingerprint, language, now, "sent");
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE tg_volunteer_post SET queue_item_id = ? WHERE id = ?")) {
            ps.setLong(1, item);
            ps.setLong(2, postId);
            ps.executeUpdate();
          }
          return true;
        });
  }

  private static long join(Connection c, byte[] fingerprint, String language, Instant now, String counter)
      throws SQLException {
    long best = 0;
    double bestSimilarity = Fingerprint.SAME_POST;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, fingerprint FROM queue_item WHERE status = 'OPEN' AND last_seen >= ?"
                + " ORDER BY last_seen DESC LIMIT " + CLUSTER_SCAN)) {
      ps.setObject(1, at(now.minus(CLUSTER_WINDOW)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double s = Fingerprint.similarity(fingerprint, rs.getBytes(2));
          if (s >= bestSimilarity) {
            best = rs.getLong(1);
            bestSimilarity = s;
          }
        }
      }
    }
    // counter is one of two column names fixed in this class, never input.
    if (best > 0) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE queue_item SET " + counter + " = " + counter + " + 1, last_seen = ? WHERE id = ?")) {
        ps.setObject(1, at(now));
        ps.setLong(2, best);
        ps.executeUpdate();
      }
      return best;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO queue_item (fingerprint, language, " + counter + ", first_seen, last_seen)"
                + " VALUES (?, ?, 1, ?, ?)",
            new String[] {"id"})) {
      ps.setBytes(1, fingerprint);
      ps.setString(2, language);
      ps.setObject(3, at(now));
      ps.setObject(4, at(now));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** The open items: most posts first, then the most recent. */
  List<QueueItem> open(int limit) {
    return Transactions.inTransaction(
        db,
        "read the queue",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + ITEM_COLUMNS + " FROM queue_item q WHERE q.status = 'OPEN'"
                      + " ORDER BY q.unmatched + q.sent DESC, q.last_seen DESC, q.id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            return items(ps);
          }
        });
  }

  /** Open items, and people among them waiting to be told: {open, waiting}. */
  int[] size() {
    return Transactions.inTransaction(
        db,
        "count the queue",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT (SELECT COUNT(*) FROM queue_item WHERE status = 'OPEN'),"
                          + " (SELECT COUNT(*) FROM tg_volunteer_post WHERE notify_chat_id IS NOT NULL"
                          + " AND notice_status IS NULL)");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2)};
          }
        });
  }

  Optional<QueueItem> find(long id) {
    return Transactions.inTransaction(
        db,
        "read queue item " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM queue_item q WHERE q.id = ?")) {
            ps.setLong(1, id);
            List<QueueItem> found = items(ps);
            return found.isEmpty() ? Optional.<QueueItem>empty() : Optional.of(found.get(0));
          }
        });
  }

  /** Open items with a consented text: the text of each item's latest post, by item id. */
  Map<Long, String> openTexts(int limit) {
    return Transactions.inTransaction(
        db,
        "read the queue's texts",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT q.id, (SELECT v.text FROM tg_volunteer_post v WHERE v.queue_item_id = q.id"
                      + " ORDER BY v.id DESC LIMIT 1) FROM queue_item q"
                      + " WHERE q.status = 'OPEN' AND q.sent > 0 ORDER BY q.last_seen DESC LIMIT ?")) {
            ps.setInt(1, limit);
            Map<Long, String> out = new java.util.LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (rs.getString(2) != null && !rs.getString(2).isBlank()) {
                  out.put(rs.getLong(1), rs.getString(2));
                }
              }
            }
            return out;
          }
        });
  }

  /** How closing an item went. */
  enum Closed {
    DONE,
    NO_SUCH_ITEM,
    ALREADY_CLOSED
  }

  /** The outcome of closing an item and the notices it queued. */
  record Closing(Closed outcome, int notices) {}

  /**
   * Closes an open item as linked to {@code articleId} (or dismissed, when {@code articleId} is
   * null) and queues one notice per person who asked, in their language, in one transaction.
   */
  Closing close(long itemId, String articleId, Map<InterfaceLanguage, String> notices, Instant now) {
    return Transactions.inTransaction(
        db,
        "close queue item " + itemId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT status FROM queue_item WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return new Closing(Closed.NO_SUCH_ITEM, 0);
              }
              if (!"OPEN".equals(rs.getString(1))) {
                return new Closing(Closed.ALREADY_CLOSED, 0);
              }
            }
          }
          boolean linked = articleId != null;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE queue_item SET status = ?, article_id = ?, closed_at = ? WHERE id = ?")) {
            ps.setString(1, linked ? "LINKED" : "DISMISSED");
            ps.setString(2, articleId);
            ps.setObject(3, at(now));
            ps.setLong(4, itemId);
            ps.executeUpdate();
          }
          int queued = 0;
          Set<Long> told = new HashSet<>();
          List<long[]> asked = new ArrayList<>();
          List<String> languages = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, notify_chat_id, interface_language FROM tg_volunteer_post"
                      + " WHERE queue_item_id = ? AND notify_chat_id IS NOT NULL AND notice_status IS NULL"
                      + " ORDER BY id")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                asked.add(new long[] {rs.getLong(1), rs.getLong(2)});
                languages.add(rs.getString(3));
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tg_volunteer_post SET notice_status = ?, notice_article = ?, notice_html = ?,"
                      + " notice_at = ?, notify_chat_id = CASE WHEN ? THEN notify_chat_id END WHERE id = ?")) {
            for (int i = 0; i < asked.size(); i++) {
              boolean first = told.add(asked.get(i)[1]);
              String html = notices.get(InterfaceLanguage.ofCode(languages.get(i)));
              ps.setString(1, first ? "PENDING" : "DUPLICATE");
              ps.setString(2, articleId);
              ps.setString(3, first ? html : null);
              ps.setObject(4, at(now));
              // A duplicate's chat id is told through another post: it is not needed any more.
              ps.setBoolean(5, first);
              ps.setLong(6, asked.get(i)[0]);
              ps.addBatch();
              queued += first ? 1 : 0;
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tg_volunteer_post SET status = ? WHERE queue_item_id = ? AND status = 'NEW'")) {
            ps.setString(1, linked ? "ANSWERED" : "DISMISSED");
            ps.setLong(2, itemId);
            ps.executeUpdate();
          }
          return new Closing(Closed.DONE, queued);
        });
  }

  @Override
  public synchronized List<Notice> claim(int max) {
    return Transactions.inTransaction(
        db,
        "claim notices",
        c -> {
          List<Notice> seen = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, notify_chat_id, notice_html FROM tg_volunteer_post"
                      + " WHERE notice_status = 'PENDING' ORDER BY id LIMIT ? FOR UPDATE")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                seen.add(new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3)));
              }
            }
          }
          // Several bot instances may claim at once (webhook mode): a notice is theirs only if
          // their own conditional update changed it, whatever the database's locking did.
          List<Notice> claimed = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tg_volunteer_post SET notice_status = 'SENDING' WHERE id = ? AND notice_status = 'PENDING'")) {
            for (Notice n : seen) {
              ps.setLong(1, n.id());
              if (ps.executeUpdate() == 1) {
                claimed.add(n);
              }
            }
          }
          return claimed;
        });
  }

  @Override
  public void sent(long id) {
    finish(id, "SENT");
  }

  @Override
  public void failed(long id) {
    finish(id, "FAILED");
  }

  /** Done with a notice: the chat id and the notice's text are no longer needed, so they go. */
  private void finish(long id, String status) {
    Transactions.inTransaction(
        db,
        "record notice " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tg_volunteer_post SET notice_status = ?, notify_chat_id = NULL, notice_html = NULL,"
                      + " notice_at = CURRENT_TIMESTAMP WHERE id = ? AND notice_status = 'SENDING'")) {
            ps.setString(1, status);
            ps.setLong(2, id);
            return ps.executeUpdate();
          }
        });
  }

  private static List<QueueItem> items(PreparedStatement ps) throws SQLException {
    List<QueueItem> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new QueueItem(
                rs.getLong(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(9),
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getObject(6, OffsetDateTime.class).toInstant(),
                QueueItem.Status.valueOf(rs.getString(7)),
                rs.getString(8),
                rs.getString(10),
                rs.getString(11)));
      }
    }
    return out;
  }

  private static OffsetDateTime at(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
