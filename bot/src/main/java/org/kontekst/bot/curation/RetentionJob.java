package org.kontekst.bot.curation;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Retention#purge()} in the running bot: a minute after the start, then every {@code
 * interval}, on one daemon thread this class owns. A failed round is logged and the next one tries
 * again.
 */
public final class RetentionJob implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
  private static final Duration FIRST_ROUND = Duration.ofMinutes(1);

  private final Retention retention;
  private final ScheduledExecutorService timer;

  private RetentionJob(Retention retention, Duration interval) {
    this.retention = retention;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kontekst-retention");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::round, FIRST_ROUND.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts purging every {@code interval}. */
  public static RetentionJob start(Retention retention, Duration interval) {
    Objects.requireNonNull(retention, "retention");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    return new RetentionJob(retention, interval);
  }

  private void round() {
    try {
      Retention.Purged purged = retention.purge();
      if (purged.textsErased() > 0 || purged.postsDeleted() > 0) {
        log.info(
            "retention: erased the text of {} answered volunteer posts, deleted {} older than {} days",
            purged.textsErased(), purged.postsDeleted(), retention.policy().maxAgeDays());
      }
    } catch (RuntimeException e) {
      // A scheduled task that throws would never run again.
      log.error("retention of volunteer posts failed", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
