package org.kontekst.bot.telegram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.kontekst.bot.chat.Action;
import org.kontekst.knowledge.store.StoreException;
import org.kontekst.knowledge.store.Transactions;

/**
 * The webhook inbox ({@code tg_inbox}): updates Telegram pushed, each owned by one instance at a
 * time under a lease. Completing an update marks it done, drops its text and writes its reply to
 * {@code tg_outbox} in one transaction, only if the caller still owns it. Portable SQL (H2 and
 * PostgreSQL): claims are conditional updates whose row count says who won, and a repeated update
 * id is recognised by SQLState 23505, which both databases use for a duplicate key.
 */
final class InboxRepository {
  static final String DUPLICATE_KEY = "23505";

  /** An update claimed from an instance whose lease ran out. */
  record Claimed(long updateId, String payload, int claims) {}

  private final DataSource db;

  InboxRepository(DataSource db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * Records a pushed update, owned by {@code owner} until {@code leaseUntil}; false (and nothing
   * written) when the update id was recorded before: a repeated delivery.
   */
  boolean record(long updateId, String json, String owner, Instant now, Instant leaseUntil) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO tg_inbox (update_id, state, payload, owner_id, lease_until, claims, received_at)"
                    + " VALUES (?, 'NEW', ?, ?, ?, 1, ?)")) {
      ps.setLong(1, updateId);
      ps.setString(2, json);
      ps.setString(3, owner);
      ps.setObject(4, at(leaseUntil));
      ps.setObject(5, at(now));
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (DUPLICATE_KEY.equals(e.getSQLState())) {
        return false;
      }
      throw new StoreException("cannot record update " + updateId + ": " + e.getMessage(), e);
    }
  }

  /** Updates not done whose lease ran out before {@code now}, oldest first. */
  List<Long> due(Instant now, int max) {
    return due(
        db,
        "list orphaned updates",
        "SELECT update_id FROM tg_inbox WHERE state = 'NEW' AND lease_until < ? ORDER BY update_id LIMIT ?",
        now,
        max);
  }

  /** Runs {@code sql}, whose parameters are a time and a limit, and returns the update ids it lists. */
  static List<Long> due(DataSource db, String what, String sql, Instant now, int max) {
    return Transactions.inTransaction(
        db,
        what,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, at(now));
            ps.setInt(2, max);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getLong(1));
              }
            }
            return out;
          }
        });
  }

  /**
   * Takes over an update whose lease ran out: empty when it is done or another instance was first.
   */
  Optional<Claimed> claim(long updateId, String owner, Instant now, Instant leaseUntil) {
    return Transactions.inTransaction(
        db,
        "claim update " + updateId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tg_inbox SET owner_id = ?, lease_until = ?, claims = claims + 1"
                      + " WHERE update_id = ? AND state = 'NEW' AND lease_until < ?")) {
            ps.setString(1, owner);
            ps.setObject(2, at(leaseUntil));
            ps.setLong(3, updateId);
            ps.setObject(4, at(now));
            if (ps.executeUpdate() != 1) {
              return Optional.empty();
            }
          }
          try (PreparedStatement ps = c.prepareStatement("SELECT payload, claims FROM tg_inbox WHERE update_id = ?")) {
            ps.setLong(1, updateId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return Optional.of(new Claimed(updateId, rs.getString(1), rs.getInt(2)));
            }
          }
        });
  }

  /** Extends the lease of the updates {@code owner} still holds; returns how many it holds. */
  int renew(Collection<Long> updateIds, String owner, Instant leaseUntil) {
    return perId(
        db,
        "renew leases",
        "UPDATE tg_inbox SET lease_until = ? WHERE update_id = ? AND owner_id = ? AND state = 'NEW'",
        updateIds,
        owner,
        leaseUntil);
  }

  /**
   * Gives updates back unprocessed (stopping, or too busy), so that any instance claims them at
   * once; the claim is not counted against them.
   */
  void release(Collection<Long> updateIds, String owner, Instant now) {
    perId(
        db,
        "release updates",
        "UPDATE tg_inbox SET owner_id = NULL, lease_until = ?, claims = claims - 1"
            + " WHERE update_id = ? AND owner_id = ? AND state = 'NEW'",
        updateIds,
        owner,
        now);
  }

  /**
   * Marks an update done, drops its text and queues the calls answering it (owned by {@code owner}
   * until {@code leaseUntil}), in one transaction. Empty, and nothing written, when {@code owner}
   * no longer holds the update: another instance took it over and answers it.
   */
  Optional<List<OutboxRow>> complete(
      long updateId, String owner, UpdateHandler.Reply reply, Instant now, Instant leaseUntil) {
    return Transactions.inTransaction(
        db,
        "complete update " + updateId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tg_inbox SET state = 'DONE', payload = NULL, owner_id = NULL, done_at = ?"
                      + " WHERE update_id = ? AND owner_id = ? AND state = 'NEW'")) {
            ps.setObject(1, at(now));
            ps.setLong(2, updateId);
            ps.setString(3, owner);
            if (ps.executeUpdate() != 1) {
              return Optional.empty();
            }
          }
          List<OutboxRow> rows = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tg_outbox (update_id, seq, chat_id, chat_kind, method, payload, owner_id,"
                      + " lease_until, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
            int seq = 0;
            for (Action action : reply.actions()) {
              ps.setLong(1, updateId);
              ps.setInt(2, seq);
              ps.setLong(3, action.chatId());
              ps.setString(4, reply.kind().name());
              ps.setString(5, ActionJson.method(action));
              ps.setString(6, ActionJson.write(action));
              ps.setString(7, owner);
              ps.setObject(8, at(leaseUntil));
              ps.setObject(9, at(now));
              ps.addBatch();
              rows.add(new OutboxRow(updateId, seq++, reply.kind(), action, 0));
            }
            if (!rows.isEmpty()) {
              ps.executeBatch();
            }
          }
          return Optional.of(rows);
        });
  }

  /** Forgets done updates finished before {@code before}: Telegram no longer repeats them. */
  int purge(Instant before) {
    return Transactions.inTransaction(
        db,
        "purge done updates",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM tg_inbox WHERE state = 'DONE' AND done_at < ?")) {
            ps.setObject(1, at(before));
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Runs {@code sql}, whose parameters are a time, an update id and an owner, for each id in one
   * transaction; returns the rows changed. One statement per id, for row counts every driver gives.
   */
  static int perId(DataSource db, String what, String sql, Collection<Long> ids, String owner, Instant lease) {
    if (ids.isEmpty()) {
      return 0;
    }
    return Transactions.inTransaction(
        db,
        what,
        c -> {
          int changed = 0;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long id : ids) {
              ps.setObject(1, at(lease));
              ps.setLong(2, id);
              ps.setString(3, owner);
              changed += ps.executeUpdate();
            }
          }
          return changed;
        });
  }

  static OffsetDateTime at(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
