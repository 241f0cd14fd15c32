package org.kontekst.bot.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.kontekst.knowledge.store.StoreException;

/**
 * Who holds which curation role: admins from the environment, curators and moderators from the
 * {@code curation_role} table. Reads go to the database each time, so a revocation counts at once.
 */
public final class Roles {
  private final DataSource db;
  private final Set<Long> admins;

  public Roles(DataSource db, Set<Long> admins) {
    this.db = Objects.requireNonNull(db, "db");
    this.admins = Set.copyOf(Objects.requireNonNull(admins, "admins"));
  }

  /** A granted role as stored. */
  public record Grant(long userId, Role role, long grantedBy, Instant grantedAt) {
    public Grant {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(grantedAt, "grantedAt");
      if (role == Role.ADMIN) {
        throw new IllegalArgumentException("admin is not granted: it comes from KONTEKST_ADMINS");
      }
    }
  }

  /**
   * Parses {@code KONTEKST_ADMINS}: Telegram user ids separated by commas (spaces allowed). Null or
   * blank means no admins.
   *
   * @throws IllegalArgumentException naming the value that is not a user id
   */
  public static Set<Long> parseAdmins(String value) {
    Set<Long> ids = new LinkedHashSet<>();
    if (value == null || value.isBlank()) {
      return ids;
    }
    for (String part : value.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      try {
        long id = Long.parseLong(p);
        if (id <= 0) {
          throw new NumberFormatException();
        }
        ids.add(id);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "KONTEKST_ADMINS must be Telegram user ids separated by commas, e.g. 12345,67890; not a user id: " + p);
      }
    }
    return ids;
  }

  /** Whether the person holds {@code role} or a stronger one. */
  public boolean has(long userId, Role role) {
    return of(userId).map(r -> r.atLeast(role)).orElse(false);
  }

  /** The strongest role of a person, or empty when they have none. */
  public Optional<Role> of(long userId) {
    if (admins.contains(userId)) {
      return Optional.of(Role.ADMIN);
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT role FROM curation_role WHERE user_id = ?")) {
      ps.setLong(1, userId);
      Role best = null;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Role r = Role.valueOf(rs.getString(1));
          if (best == null || r.atLeast(best)) {
            best = r;
          }
        }
      }
      return Optional.ofNullable(best);
    } catch (SQLException e) {
      throw new StoreException("cannot read roles: " + e.getMessage(), e);
    }
  }

  /** Grants a role inside the caller's transaction; false when the person already had it. */
  boolean grant(Connection c, Grant grant) throws SQLException {
    if (find(c, grant.userId(), grant.role()).isPresent()) {
      return false;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO curation_role (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, grant.userId());
      ps.setString(2, grant.role().name());
      ps.setLong(3, grant.grantedBy());
      ps.setObject(4, grant.grantedAt().atOffset(ZoneOffset.UTC));
      ps.executeUpdate();
      return true;
    }
  }

  /** Revokes a role inside the caller's transaction; the grant that was removed, if any. */
  Optional<Grant> revoke(Connection c, long userId, Role role) throws SQLException {
    Optional<Grant> existing = find(c, userId, role);
    if (existing.isPresent()) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM curation_role WHERE user_id = ? AND role = ?")) {
        ps.setLong(1, userId);
        ps.setString(2, role.name());
        ps.executeUpdate();
      }
    }
    return existing;
  }

  private static Optional<Grant> find(Connection c, long userId, Role role) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT user_id, role, granted_by, granted_at FROM curation_role WHERE user_id = ? AND role = ? FOR UPDATE")) {
      ps.setLong(1, userId);
      ps.setString(2, role.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Every granted role, by user and role. */
  public List<Grant> all() {
    List<Grant> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT user_id, role, granted_by, granted_at FROM curation_role ORDER BY user_id, role");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(read(rs));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read roles: " + e.getMessage(), e);
    }
    return out;
  }

  private static Grant read(ResultSet rs) throws SQLException {
    return new Grant(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getLong(3),
        rs.getObject(4, OffsetDateTime.class).toInstant());
  }
}
