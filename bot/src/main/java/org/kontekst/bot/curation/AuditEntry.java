package org.kontekst.bot.curation;

import java.time.Instant;
import java.util.Objects;

/**
 * One curation action: who (a Telegram user id, 0 for the command line), when, what ("add",
 * "edit", "approve", "grant"...), on which target (an article id, a user id), and the target as
 * JSON before and after (empty when it did not exist), and a note (a rejection's reason).
 *
 * @param id the database id; 0 for an entry not yet stored
 */
public record AuditEntry(long id, Instant at, long actor, String action, String target, String before, String after, String note) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    if (!action.matches("[a-z_]{1,32}")) {
      throw new IllegalArgumentException("action must be 1-32 of a-z and _: " + action);
    }
    Objects.requireNonNull(target, "target");
    if (target.length() > 200) {
      throw new IllegalArgumentException("target must be at most 200 characters: " + target.length());
    }
    before = before == null ? "" : before;
    after = after == null ? "" : after;
    note = note == null ? "" : note;
    if (note.length() > 1000) {
      throw new IllegalArgumentException("note must be at most 1000 characters: " + note.length());
    }
  }
}
