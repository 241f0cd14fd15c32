package org.kontekst.bot.telegram;

import static org.kontekst.bot.telegram.InboxRepository.at;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.knowledge.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook outbox ({@code tg_outbox}): the Bot API calls owed, written by {@link
 * InboxRepository#complete}. The calls for one update are owned together by one instance under a
 * lease, taken over together when it runs out. Each call is counted before it is made, under the
 * condition that the caller still owns it, and its row is deleted once it is done with.
 */
final class OutboxRepository {
  private static final Logger log = LoggerFactory.getLogger(OutboxRepository.class);

  private final DataSource db;

  OutboxRepository(DataSource db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /** Updates with calls owed whose lease ran out before {@code now}, oldest first. */
  List<Long> due(Instant now, int max) {
    return InboxRepository.due(
        db,
        "list orphaned calls",
        "SELECT DISTINCT update_id FROM tg_outbox WHERE lease_until < ? ORDER BY update_id LIMIT ?",
        now,
        max);
  }

  /**
   * Takes over the calls owed for an update whose lease ran out, in order: empty when another
   * instance was first. A row that cannot be read back is logged and dropped.
   */
  List<OutboxRow> claim(long updateId, String owner, Instant now, Instant leaseUntil) {
    return Transactions.inTransaction(
        db,
        "claim the calls of update " + updateId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tg_outbox SET owner_id = ?, lease_until = ? WHERE update_id = ? AND lease_until < ?")) {
            ps.setString(1, owner);
            ps.setObject(2, at(leaseUntil));
            ps.setLong(3, updateId);
            ps.setObject(4, at(now));
            if (ps.executeUpdate() == 0) {
              return List.of();
            }
          }
          List<OutboxRow> rows = new ArrayList<>();
          List<Integer> unreadable = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT seq, chat_kind, method, payload, attempts FROM tg_outbox"
                      + " WHERE update_id = ? AND owner_id = ? ORDER BY seq")) {
            ps.setLong(1, updateId);
            ps.setString(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                try {
                  rows.add(
                      new OutboxRow(
                          updateId,
                          rs.getInt(1),
                          ChatKind.valueOf(rs.getString(2)),
                          ActionJson.read(rs.getString(3), rs.getString(4)),
                          rs.getInt(5)));
                } catch (IllegalArgumentException e) {
                  log.error("update {}: call {} cannot be read and is dropped: {}", updateId, rs.getInt(1), e.getMessage());
                  unreadable.add(rs.getInt(1));
                }
              }
            }
          }
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM tg_outbox WHERE update_id = ? AND seq = ?")) {
            for (int seq : unreadable) {
              ps.setLong(1, updateId);
              ps.setInt(2, seq);
              ps.executeUpdate();
            }
          }
          return rows;
        });
  }

  /**
   * Counts a call about to be made and extends its lease; false, and nothing written, when {@code
   * owner} no longer holds it (another instance took it over: the call must not be made).
   */
  boolean attempt(OutboxRow row, String owner, Instant leaseUntil) {
    return Transactions.inTransaction(
        db,
        "count a call of update " + row.updateId(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tg_outbox SET attempts = attempts + 1, lease_until = ?"
                      + " WHERE update_id = ? AND seq = ? AND owner_id = ?")) {
            ps.setObject(1, at(leaseUntil));
            ps.setLong(2, row.updateId());
            ps.setInt(3, row.seq());
            ps.setString(4, owner);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Done with these calls (Telegram accepted them), in one transaction: their rows go. Returns the
   * ones {@code owner} no longer held, which another instance may make again.
   */
  List<OutboxRow> removeAll(List<OutboxRow> rows, String owner) {
    return Transactions.inTransaction(
        db,
        "remove " + rows.size() + " calls",
        c -> {
          List<OutboxRow> lost = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM tg_outbox WHERE update_id = ? AND seq = ? AND owner_id = ?")) {
            for (OutboxRow row : rows) {
              ps.setLong(1, row.updateId());
              ps.setInt(2, row.seq());
              ps.setString(3, owner);
              if (ps.executeUpdate() != 1) {
                lost.add(row);
              }
            }
          }
          return lost;
        });
  }

  /** Drops the calls still owed for an update after one was refused for good. */
  void abandon(long updateId, String owner) {
    Transactions.inTransaction(
        db,
        "drop the calls of update " + updateId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM tg_outbox WHERE update_id = ? AND owner_id = ?")) {
            ps.setLong(1, updateId);
            ps.setString(2, owner);
            return ps.executeUpdate();
          }
        });
  }

  /** Extends the lease of the calls {@code owner} still holds, by update; returns the rows held. */
  int renew(Collection<Long> updateIds, String owner, Instant leaseUntil) {
    return InboxRepository.perId(
        db, "renew call leases", "UPDATE tg_outbox SET lease_until = ? WHERE update_id = ? AND owner_id = ?",
        updateIds, owner, leaseUntil);
  }

  /** Gives the calls of these updates back (stopping), so that any instance takes them at once. */
  void release(Collection<Long> updateIds, String owner, Instant now) {
    InboxRepository.perId(
        db, "release calls", "UPDATE tg_outbox SET owner_id = NULL, lease_until = ? WHERE update_id = ? AND owner_id = ?",
        updateIds, owner, now);
  }

  /** Calls owed in total, for tests and metrics. */
  int pending() {
    return Transactions.inTransaction(
        db,
        "count calls owed",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM tg_outbox");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }
}
