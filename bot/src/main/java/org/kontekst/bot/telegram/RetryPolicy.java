package org.kontekst.bot.telegram;

import java.time.Duration;

/**
 * How the send queue retries a failed Bot API call: a 429 waits its {@code retry_after}; 5xx,
 * unreadable answers and network errors back off exponentially from {@code firstBackoff}; other
 * errors (400, 403) are final.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= firstBackoff <= maxBackoff");
    }
  }

  public static RetryPolicy standard() {
    return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30));
  }

  Duration backoff(int attempt) {
    long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 16);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
