package org.kontekst.bot.curation;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the posts people sent to volunteers are kept: the text of a post whose queue item was
 * answered (linked) or dismissed, {@code answeredText} after that; any post, text and all, {@code
 * maxAge} after it was sent, answered or not. The queue's counts outlive both.
 */
public record RetentionPolicy(Duration answeredText, Duration maxAge) {

  /** 30 days after the answer, 90 days in all. */
  public static final RetentionPolicy DEFAULT = ofDays(30, 90);

  public RetentionPolicy {
    Objects.requireNonNull(answeredText, "answeredText");
    Objects.requireNonNull(maxAge, "maxAge");
    if (answeredText.isNegative() || answeredText.isZero() || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("retention periods must be positive: " + answeredText + ", " + maxAge);
    }
    if (answeredText.compareTo(maxAge) > 0) {
      throw new IllegalArgumentException(
          "the text of answered posts cannot be kept longer (" + answeredText.toDays()
              + " days) than any post (" + maxAge.toDays() + " days)");
    }
  }

  public static RetentionPolicy ofDays(int answeredTextDays, int maxAgeDays) {
    return new RetentionPolicy(Duration.ofDays(answeredTextDays), Duration.ofDays(maxAgeDays));
  }

  public long answeredTextDays() {
    return answeredText.toDays();
  }

  public long maxAgeDays() {
    return maxAge.toDays();
  }
}
