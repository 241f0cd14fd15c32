package org.kontekst.bot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * A rate limit per key that hands out send times instead of blocking (the generic cell rate
 * algorithm): one send per {@code interval}, with bursts of {@code burst}. Times are
 * {@code System.nanoTime()} values. Its state is in this process's memory.
 */
final class Pacer implements SendPacer {
  private final long interval;
  private final long tolerance;
  private final Cache<Long, Long> arrivals;

  Pacer(Duration interval, int burst) {
    this.interval = interval.toNanos();
    this.tolerance = this.interval * (burst - 1);
    this.arrivals =
        Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();
  }

  @Override
  public long reserve(long key, long earliest) {
    long[] allowed = new long[1];
    arrivals
        .asMap()
        .compute(
            key,
            (k, tat) -> {
              long theoretical = tat == null ? earliest : Math.max(tat, earliest);
              allowed[0] = Math.max(earliest, theoretical - tolerance);
              return Math.max(theoretical, allowed[0]) + interval;
            });
    return allowed[0];
  }

  @Override
  public void holdUntil(long key, long until) {
    arrivals.asMap().merge(key, until + tolerance, Math::max);
  }
}
