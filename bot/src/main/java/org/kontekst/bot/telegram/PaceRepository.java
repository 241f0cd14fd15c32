package org.kontekst.bot.telegram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.kontekst.knowledge.store.StoreException;
import org.kontekst.knowledge.store.Transactions;

/**
 * The send pacing that webhook instances on one database share ({@code tg_send_pace}): per limit
 * and key, the theoretical arrival time of the generic cell rate algorithm, in epoch
 * milliseconds. Each change is one short transaction whose UPDATE takes the row's lock, so that
 * instances changing one key take turns; a missing row is created first. Portable SQL: the row is
 * created with {@code MERGE}, and when two instances create it at once the one that loses (SQLState
 * 23505, on both databases) runs its transaction again, on the row now there.
 */
final class PaceRepository {
  private static final String CREATE =
      "MERGE INTO tg_send_pace t USING (VALUES (?, ?)) AS s(pacer, pace_key)"
          + " ON t.pacer = s.pacer AND t.pace_key = s.pace_key"
          + " WHEN NOT MATCHED THEN INSERT (pacer, pace_key, tat_millis) VALUES (s.pacer, s.pace_key, 0)";

  private static final String ADVANCE =
      "UPDATE tg_send_pace SET tat_millis = GREATEST(tat_millis, ?) + ? WHERE pacer = ? AND pace_key = ?";

  private final DataSource db;

  PaceRepository(DataSource db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * Moves the time of {@code key} under {@code pacer} to {@code interval} after itself or after
   * {@code earliest}, whichever is later, and returns the new time. With an interval of 0 it only
   * raises the time to {@code earliest}.
   */
  long advance(String pacer, long key, long earliest, long interval) {
    String what = "pace sends for " + pacer + " " + key;
    try {
      return Transactions.inTransaction(db, what, c -> advance(c, pacer, key, earliest, interval));
    } catch (StoreException e) {
      if (!(e.getCause() instanceof SQLException sql && InboxRepository.DUPLICATE_KEY.equals(sql.getSQLState()))) {
        throw e;
      }
      // Another instance created the row meanwhile: it is there now.
      return Transactions.inTransaction(db, what, c -> advance(c, pacer, key, earliest, interval));
    }
  }

  /** Deletes the rows whose time is before {@code before}: they pace nothing any more. */
  int purge(long before) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM tg_send_pace WHERE tat_millis < ?")) {
      ps.setLong(1, before);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot purge send pacing: " + e.getMessage(), e);
    }
  }

  private static long advance(Connection c, String pacer, long key, long earliest, long interval)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ADVANCE)) {
      ps.setLong(1, earliest);
      ps.setLong(2, interval);
      ps.setString(3, pacer);
      ps.setLong(4, key);
      if (ps.executeUpdate() == 0) {
        try (PreparedStatement create = c.prepareStatement(CREATE)) {
          create.setString(1, pacer);
          create.setLong(2, key);
          create.executeUpdate();
        }
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT tat_millis FROM tg_send_pace WHERE pacer = ? AND pace_key = ?")) {
      ps.setString(1, pacer);
      ps.setLong(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
