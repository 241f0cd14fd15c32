package org.kontekst.bot.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.knowledge.store.StoreException;

/**
 * Feedback in the database: answers to "Helpful" / "Not relevant" ({@code tg_feedback}), posts sent to
 * volunteers ({@code tg_volunteer_post}) and per-person usage counts ({@code tg_user_stats}), all
 * keyed by salted user hashes.
 */
public final class FeedbackRepository implements VolunteerInbox {
  private final DataSource db;
  private final Clock clock;

  public FeedbackRepository(DataSource db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records (or replaces) one person's answer on one reply. */
  public void answer(long replyId, String userHash, FeedbackAction answer) {
    if (answer != FeedbackAction.HELPFUL && answer != FeedbackAction.NOT_RELEVANT) {
      throw new IllegalArgumentException("an answer is HELPFUL or NOT_RELEVANT: " + answer);
    }
    String sql =
        "MERGE INTO tg_feedback t USING (VALUES (?, ?, ?, ?)) AS s(reply_id, user_hash, answer, answered_at)"
            + " ON t.reply_id = s.reply_id AND t.user_hash = s.user_hash"
            + " WHEN MATCHED THEN UPDATE SET answer = s.answer, answered_at = s.answered_at"
            + " WHEN NOT MATCHED THEN INSERT (reply_id, user_hash, answer, answered_at)"
            + " VALUES (s.reply_id, s.user_hash, s.answer, s.answered_at)";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, replyId);
      ps.setString(2, userHash);
      ps.setString(3, answer.name());
      ps.setObject(4, now());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record feedback on reply " + replyId + ": " + e.getMessage(), e);
    }
    count(userHash, 0, 1);
  }

  /** How many answers of each kind a reply got: [helpful, not relevant]. */
  public int[] answers(long replyId) {
    String sql = "SELECT answer, COUNT(*) FROM tg_feedback WHERE reply_id = ? GROUP BY answer";
    int[] out = new int[2];
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, replyId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out[FeedbackAction.valueOf(rs.getString(1)) == FeedbackAction.HELPFUL ? 0 : 1] = rs.getInt(2);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read feedback on reply " + replyId + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Stores a post for volunteers, outside the curation queue (which the bot uses instead); false
   * if this person already sent this reply's post.
   */
  @Override
  public boolean submit(VolunteerPost post) {
    String sql =
        "INSERT INTO tg_volunteer_post (created_at, reply_id, text, forwarded_from,"
            + " interface_language, user_hash, notify_chat_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, now());
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
      return true;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false;
      }
      throw new StoreException("cannot store a post for volunteers: " + e.getMessage(), e);
    }
  }

  /** The posts waiting for volunteers, oldest first. */
  public List<VolunteerPost> pending() {
    String sql =
        "SELECT reply_id, text, forwarded_from, interface_language, user_hash, notify_chat_id"
            + " FROM tg_volunteer_post WHERE status = 'NEW' ORDER BY id";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<VolunteerPost> out = new ArrayList<>();
      while (rs.next()) {
        long notify = rs.getLong(6);
        Long notifyChat = rs.wasNull() ? null : notify;
        out.add(
            new VolunteerPost(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                InterfaceLanguage.ofCode(rs.getString(4)),
                rs.getString(5),
                notifyChat));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the volunteer queue: " + e.getMessage(), e);
    }
  }

  /** Counts one checked post for a person. */
  public void countCheck(String userHash) {
    count(userHash, 1, 0);
  }

  private void count(String userHash, int checks, int feedback) {
    LocalDate today = LocalDate.now(clock);
    // UPDATE, else INSERT; two first posts of one person at once make the INSERT race, and the
    // loser's UPDATE then finds the row.
    try (Connection c = db.getConnection()) {
      if (bump(c, userHash, checks, feedback, today) > 0) {
        return;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO tg_user_stats (user_hash, posts_checked, feedback_given, first_seen, last_seen)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, userHash);
        ps.setInt(2, checks);
        ps.setInt(3, feedback);
        ps.setObject(4, today);
        ps.setObject(5, today);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) {
          throw e;
        }
        bump(c, userHash, checks, feedback, today);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count usage: " + e.getMessage(), e);
    }
  }

  private static int bump(Connection c, String userHash, int checks, int feedback, LocalDate today)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE tg_user_stats SET posts_checked = posts_checked + ?,"
                + " feedback_given = feedback_given + ?, last_seen = ? WHERE user_hash = ?")) {
      ps.setInt(1, checks);
      ps.setInt(2, feedback);
      ps.setObject(3, today);
      ps.setString(4, userHash);
      return ps.executeUpdate();
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
