package org.kontekst.bot.telegram;

import java.time.Duration;

/**
 * Telegram's sending limits as the send queue paces them: messages per chat (with a short burst),
 * per group per minute, and overall per second. {@link #unlimited()} turns pacing off, for
 * benchmarks against a fake server.
 */
public record SendLimits(
    boolean paced,
    Duration perChatInterval,
    int perChatBurst,
    Duration perGroupInterval,
    int perGroupBurst,
    Duration globalInterval,
    int globalBurst) {

  public SendLimits {
    if (perChatBurst < 1 || perGroupBurst < 1 || globalBurst < 1) {
      throw new IllegalArgumentException("bursts must be at least 1");
    }
    for (Duration d : new Duration[] {perChatInterval, perGroupInterval, globalInterval}) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException("intervals must not be negative: " + d);
      }
    }
  }

  /** About 1 message/s per chat (bursts of 3), 20/min per group, 30/s overall. */
  public static SendLimits telegram() {
    return new SendLimits(
        true, Duration.ofSeconds(1), 3, Duration.ofSeconds(3), 3, Duration.ofMillis(1000 / 30), 30);
  }

  public static SendLimits unlimited() {
    return new SendLimits(false, Duration.ZERO, 1, Duration.ZERO, 1, Duration.ZERO, 1);
  }
}
