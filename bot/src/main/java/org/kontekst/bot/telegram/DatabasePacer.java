package org.kontekst.bot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SendPacer} whose state is in the database that webhook instances share ({@link
 * PaceRepository}), so that all of them together keep to one limit: the same algorithm as {@link
 * Pacer}, reckoned in wall-clock epoch milliseconds (instances share no {@code System.nanoTime()})
 * and converted to and from the send queue's {@code System.nanoTime()} at each call. It relies on
 * the instances' clocks agreeing (NTP), as the leases do. Each call is a transaction, made on the
 * thread that sends.
 *
 * <p>When the database fails, the call is paced by a {@link Pacer} of this instance's, so no send
 * is lost; the pacers of one send queue then keep away from the database for a few seconds
 * (waiting for a connection can take the pool's 30 s), and say once that the outage began and
 * once that it ended.
 */
final class DatabasePacer implements SendPacer {
  private static final Logger log = LoggerFactory.getLogger(DatabasePacer.class);
  private static final long NANOS_PER_MILLI = 1_000_000L;
  /** How long the pacers of one send queue pace alone after the database failed. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final PaceRepository paces;
  private final String limit;
  private final long interval;
  private final long tolerance;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Outage outage;
  private final Pacer local;

  private DatabasePacer(
      PaceRepository paces, String limit, Duration interval, int burst, Clock clock, LongSupplier nanoTime,
      Outage outage) {
    this.paces = paces;
    this.limit = limit;
    // Whole milliseconds, rounded up: never faster than the limit.
    this.interval = millisUp(interval.toNanos());
    this.tolerance = this.interval * (burst - 1);
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.outage = outage;
    this.local = new Pacer(interval, burst);
  }

  /** Pacers for one send queue, on {@code paces}, reckoning wall-clock time with {@code clock}. */
  static SendPacer.Factory factory(PaceRepository paces, Clock clock) {
    return factory(paces, clock, System::nanoTime);
  }

  /** As {@link #factory(PaceRepository, Clock)}, with the send queue's clock too (tests). */
  static SendPacer.Factory factory(PaceRepository paces, Clock clock, LongSupplier nanoTime) {
    Objects.requireNonNull(paces, "paces");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(nanoTime, "nanoTime");
    Outage outage = new Outage();
    return (limit, interval, burst) -> new DatabasePacer(paces, limit, interval, burst, clock, nanoTime, outage);
  }

  @Override
  public long reserve(long key, long earliest) {
    long nanos = nanoTime.getAsLong();
    long millis = clock.millis();
    if (outage.skip(nanos)) {
      return local.reserve(key, earliest);
    }
    long earliestMillis = millis + millisUp(earliest - nanos);
    try {
      long tat = paces.advance(limit, key, earliestMillis, interval);
      outage.over();
      long allowed = Math.max(earliestMillis, tat - interval - tolerance);
      return Math.max(earliest, nanos + (allowed - millis) * NANOS_PER_MILLI);
    } catch (RuntimeException e) {
      outage.failed(nanos, e);
      return local.reserve(key, earliest);
    }
  }

  @Override
  public void holdUntil(long key, long until) {
    local.holdUntil(key, until);
    long nanos = nanoTime.getAsLong();
    if (outage.skip(nanos)) {
      return;
    }
    try {
      paces.advance(limit, key, clock.millis() + millisUp(until - nanos) + tolerance, 0);
      outage.over();
    } catch (RuntimeException e) {
      outage.failed(nanos, e);
    }
  }

  private static long millisUp(long nanos) {
    return -Math.floorDiv(-nanos, NANOS_PER_MILLI);
  }

  /** Whether the database failed lately, shared by the pacers of one send queue. */
  private static final class Outage {
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long retryAt;

    boolean skip(long now) {
      return down.get() && now - retryAt < 0;
    }

    void failed(long now, RuntimeException e) {
      retryAt = now + RETRY_AFTER.toNanos();
      if (down.compareAndSet(false, true)) {
        log.warn(
            "cannot pace sends through the database ({}): this instance paces its own sends until it is back",
            e.toString());
      }
    }

    void over() {
      if (down.compareAndSet(true, false)) {
        log.info("the database paces sends again");
      }
    }
  }
}
