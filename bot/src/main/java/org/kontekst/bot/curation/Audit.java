package org.kontekst.bot.curation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.kontekst.knowledge.store.StoreException;

/**
 * The record of curation writes that happen outside an article transaction (queue, terms,
 * aliases): who changed what, appended to the same audit trail as article changes.
 */
@FunctionalInterface
public interface Audit {

  /**
   * Records one write.
   *
   * @param userId the curator's Telegram user id
   * @param action what was done: "queue.link", "term.add", ...
   * @param detail the ids and values written (curators' input, never a post's text)
   */
  void record(long userId, String action, String detail);

  /** Appends each record to {@code log}'s table as its own committed entry. */
  static Audit into(AuditLog log, DataSource db, Clock clock) {
    return (userId, action, detail) -> {
      String note = detail == null ? "" : detail.length() > 1000 ? detail.substring(0, 999) + "…" : detail;
      try (Connection c = db.getConnection()) {
        log.record(c, new AuditEntry(0, clock.instant(), userId, action.replace('.', '_'), "", "", "", note));
      } catch (SQLException e) {
        throw new StoreException("cannot write the audit trail: " + e.getMessage(), e);
      }
    };
  }
}
