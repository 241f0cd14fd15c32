package org.kontekst.bot.curation;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;
import org.kontekst.knowledge.store.Transactions;

/**
 * Applies a {@link RetentionPolicy} to the posts people sent to volunteers ({@code
 * tg_volunteer_post}), in one transaction: the text and the forwarded-from name of posts whose
 * item was answered or dismissed long enough ago are erased; posts older than the maximum are
 * deleted, except one whose notice is being sent (it goes in the next round). The queue items with
 * their counts and fingerprints stay, so /queue and /stats count the same.
 */
public final class Retention {
  private final DataSource db;
  private final RetentionPolicy policy;
  private final Clock clock;

  public Retention(DataSource db, RetentionPolicy policy, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public RetentionPolicy policy() {
    return policy;
  }

  /** What one purge did. */
  public record Purged(int textsErased, int postsDeleted) {}

  /** Erases and deletes what the policy says is due now. */
  public Purged purge() {
    Instant now = clock.instant();
    OffsetDateTime answeredBefore = OffsetDateTime.ofInstant(now.minus(policy.answeredText()), ZoneOffset.UTC);
    OffsetDateTime sentBefore = OffsetDateTime.ofInstant(now.minus(policy.maxAge()), ZoneOffset.UTC);
    return Transactions.inTransaction(
        db,
        "apply the retention of volunteer posts",
        c -> {
          int erased;
          // A post without an item is from before the queue existed: its age stands for the answer's.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tg_volunteer_post SET text = '', forwarded_from = ''"
                      + " WHERE status IN ('ANSWERED', 'DISMISSED') AND LENGTH(text) > 0"
                      + " AND (queue_item_id IN (SELECT id FROM queue_item WHERE closed_at < ?)"
                      + " OR (queue_item_id IS NULL AND created_at < ?))")) {
            ps.setObject(1, answeredBefore);
            ps.setObject(2, answeredBefore);
            erased = ps.executeUpdate();
          }
          int deleted;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM tg_volunteer_post WHERE created_at < ?"
                      + " AND (notice_status IS NULL OR notice_status NOT IN ('PENDING', 'SENDING'))")) {
            ps.setObject(1, sentBefore);
            deleted = ps.executeUpdate();
          }
          return new Purged(erased, deleted);
        });
  }
}
