package org.kontekst.bot.curation;

import java.time.Instant;
import java.util.Objects;

/**
 * One item of the curation queue: a cluster of near-duplicate posts.
 *
 * @param unmatched checks of the post that found no match
 * @param sent times people sent it to volunteers
 * @param waiting people who asked to be told about the answer and have not been yet
 * @param sample the text of the latest post someone sent to volunteers, or empty when nobody
 *     consented to its text being kept
 * @param forwardedFrom where that post was forwarded from, or empty
 * @param articleId the article it was linked to, or empty
 */
public record QueueItem(
    long id,
    String language,
    int unmatched,
    int sent,
    int waiting,
    Instant firstSeen,
    Instant lastSeen,
    Status status,
    String articleId,
    String sample,
    String forwardedFrom) {

  /** Where an item stands. */
  public enum Status {
    OPEN,
    LINKED,
    DISMISSED
  }

  public QueueItem {
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive: " + id);
    }
    Objects.requireNonNull(language, "language");
    if (unmatched < 0 || sent < 0 || waiting < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(status, "status");
    articleId = articleId == null ? "" : articleId;
    sample = sample == null ? "" : sample;
    forwardedFrom = forwardedFrom == null ? "" : forwardedFrom;
  }

  /** How many times the post came in: the queue's first sort key. */
  public int count() {
    return unmatched + sent;
  }
}
