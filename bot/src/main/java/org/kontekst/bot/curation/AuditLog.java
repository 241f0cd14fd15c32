package org.kontekst.bot.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.kontekst.knowledge.store.StoreException;

/** The audit trail of curation actions in {@code curation_audit}. Append-only. */
public final class AuditLog {
  private static final String COLUMNS = "id, at, actor, action, target, before_json, after_json, note";

  private final DataSource db;

  public AuditLog(DataSource db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /** Appends an entry inside the caller's transaction, so it commits with the change it records. */
  public void record(Connection c, AuditEntry entry) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO curation_audit (at, actor, action, target, before_json, after_json, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, entry.at().atOffset(ZoneOffset.UTC));
      ps.setLong(2, entry.actor());
      ps.setString(3, entry.action());
      ps.setString(4, entry.target());
      ps.setString(5, entry.before().isEmpty() ? null : entry.before());
      ps.setString(6, entry.after().isEmpty() ? null : entry.after());
      ps.setString(7, entry.note());
      ps.executeUpdate();
    }
  }

  /** The most recent entries, newest first. */
  public List<AuditEntry> recent(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return query("SELECT " + COLUMNS + " FROM curation_audit ORDER BY id DESC LIMIT ?", limit);
  }

  /** Every entry, oldest first (for backups). */
  public List<AuditEntry> all() {
    return query("SELECT " + COLUMNS + " FROM curation_audit ORDER BY id", Integer.MAX_VALUE);
  }

  private List<AuditEntry> query(String sql, int limit) {
    List<AuditEntry> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (sql.contains("?")) {
        ps.setInt(1, limit);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getLong(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the audit trail: " + e.getMessage(), e);
    }
    return out;
  }
}
