package org.kontekst.bot.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontekst.knowledge.store.KnowledgeStore;

/** The retention of volunteer posts on a real H2 database, with the clock set by hand. */
class RetentionTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  private KnowledgeStore store;

  @BeforeEach
  void open() {
    store = KnowledgeStore.open("jdbc:h2:mem:retention" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  private static OffsetDateTime daysAgo(int days) {
    return OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(days)), ZoneOffset.UTC);
  }

  /** A queue item, closed {@code closedDaysAgo} ago (or open, when negative). */
  private long item(int sent, int closedDaysAgo) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO queue_item (fingerprint, language, unmatched, sent, first_seen, last_seen, status, closed_at)"
                + " VALUES (X'01', 'uk', 2, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setInt(1, sent);
      ps.setObject(2, daysAgo(200));
      ps.setObject(3, daysAgo(1));
      ps.setString(4, closedDaysAgo < 0 ? "OPEN" : "LINKED");
      ps.setObject(5, closedDaysAgo < 0 ? null : daysAgo(closedDaysAgo));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private void post(String text, int sentDaysAgo, String status, Long item, String noticeStatus) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO tg_volunteer_post (created_at, reply_id, text, forwarded_from, interface_language, user_hash,"
                + " status, queue_item_id, notice_status, notify_chat_id) VALUES (?, ?, ?, 'Channel', 'uk', 'h', ?, ?, ?, ?)")) {
      ps.setObject(1, daysAgo(sentDaysAgo));
      ps.setLong(2, text.hashCode());
      ps.setString(3, text);
      ps.setString(4, status);
      ps.setObject(5, item);
      ps.setString(6, noticeStatus);
      ps.setObject(7, noticeStatus == null ? null : 42L);
      ps.executeUpdate();
    }
  }

  /** "text|forwarded from" of every post, by reply id, in insertion order. */
  private Map<Long, String> posts() throws SQLException {
    Map<Long, String> out = new LinkedHashMap<>();
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT reply_id, text, forwarded_from FROM tg_volunteer_post ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getString(2) + "|" + rs.getString(3));
      }
    }
    return out;
  }

  private List<Integer> itemCounts() throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT unmatched + sent FROM queue_item ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<Integer> out = new java.util.ArrayList<>();
      while (rs.next()) out.add(rs.getInt(1));
      return out;
    }
  }

  @Test
  void should_erase_answered_texts_after_30_days_and_every_post_after_90_keeping_the_counts() throws Exception {
    long answeredLongAgo = item(1, 40);
    long answeredRecently = item(1, 10);
    long open = item(2, -1);
    post("answered 40 days ago", 50, "ANSWERED", answeredLongAgo, "SENT");
    post("dismissed 10 days ago", 20, "DISMISSED", answeredRecently, null);
    post("open, sent 60 days ago", 60, "NEW", open, null);
    post("open, sent 100 days ago", 100, "NEW", open, null);
    post("notice being sent, 100 days", 100, "ANSWERED", answeredLongAgo, "PENDING");
    post("before the queue, answered", 40, "ANSWERED", null, null);
    List<Integer> counts = itemCounts();

    Retention.Purged purged = new Retention(store.dataSource(), RetentionPolicy.DEFAULT, at(NOW)).purge();

    assertEquals(new Retention.Purged(3, 1), purged);
    assertEquals(
        List.of("|", "dismissed 10 days ago|Channel", "open, sent 60 days ago|Channel", "|", "|"),
        List.copyOf(posts().values()));
    assertEquals(counts, itemCounts(), "the queue's counts stay");
    assertEquals(new Retention.Purged(0, 0), new Retention(store.dataSource(), RetentionPolicy.DEFAULT, at(NOW)).purge());
  }

  @Test
  void should_follow_the_clock_and_a_shorter_policy() throws Exception {
    long answered = item(1, 10);
    post("answered 10 days ago", 12, "ANSWERED", answered, null);
    post("open, sent 12 days ago", 12, "NEW", item(1, -1), null);
    Retention lenient = new Retention(store.dataSource(), RetentionPolicy.DEFAULT, at(NOW));
    Retention strict = new Retention(store.dataSource(), RetentionPolicy.ofDays(7, 11), at(NOW));

    assertEquals(new Retention.Purged(0, 0), lenient.purge());
    assertEquals(new Retention.Purged(1, 2), strict.purge());
    assertEquals(Map.of(), posts());
  }

  @Test
  void should_refuse_a_policy_that_keeps_answered_texts_longer_than_any_post() {
    assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.ofDays(91, 90));
    assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.ofDays(0, 90));
  }
}
