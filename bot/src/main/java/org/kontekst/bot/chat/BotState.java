package org.kontekst.bot.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.kontekst.knowledge.store.StoreException;

/**
 * The bot's single row of state in H2 ({@code tg_state}): the last update id whose processing
 * finished, and the installation secret that signs button data and salts user hashes.
 */
public final class BotState {
  private final DataSource db;

  public BotState(DataSource db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  public long lastUpdateId() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT last_update_id FROM tg_state WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot read the last update id: " + e.getMessage(), e);
    }
  }

  /** Records {@code updateId} as processed; never moves backwards. */
  public void saveLastUpdateId(long updateId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE tg_state SET last_update_id = ?, last_update_at = CURRENT_TIMESTAMP"
                    + " WHERE id = 1 AND last_update_id < ?")) {
      ps.setLong(1, updateId);
      ps.setLong(2, updateId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot save the last update id: " + e.getMessage(), e);
    }
  }

  /** When the last update id was saved, or empty if never. */
  public Optional<Instant> lastUpdateAt() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT last_update_at FROM tg_state WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    } catch (SQLException e) {
      throw new StoreException("cannot read the last update time: " + e.getMessage(), e);
    }
  }

  /**
   * Forgets the last update id. Telegram numbers updates afresh (randomly) after a week without
   * any, and an old id used as the offset would then drop every new update.
   */
  public void forgetLastUpdateId() {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE tg_state SET last_update_id = 0, last_update_at = NULL WHERE id = 1")) {
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot reset the last update id: " + e.getMessage(), e);
    }
  }

  /** The installation secret (32 random bytes made when the database was created). */
  public byte[] secret() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT secret FROM tg_state WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBytes(1);
    } catch (SQLException e) {
      throw new StoreException("cannot read the installation secret: " + e.getMessage(), e);
    }
  }
}
