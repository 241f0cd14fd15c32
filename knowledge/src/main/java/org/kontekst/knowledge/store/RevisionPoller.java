package org.kontekst.knowledge.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kontekst.knowledge.lifecycle.ExecutorStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what an instance holds in memory in step with the database: for each topic of {@link
 * Revisions} whose counter moved since this instance last applied it, runs that topic's handlers
 * (reload the lexicon, catch the index up, drop a cache).
 *
 * <p>One path for every change: the instance that wrote calls {@link #catchUp} after its commit,
 * and, on a database other instances share, a background thread {@link #poll}s every topic at a
 * fixed interval. Polling a small counter table was chosen over PostgreSQL's LISTEN/NOTIFY: a
 * notification sent while a listener's connection is down is lost for good, while a counter read
 * after a reconnect still tells what changed; the price is one indexed read a second per instance
 * and up to one interval of delay. Handlers run one at a time; a handler that fails leaves its
 * topic unapplied, and the next poll tries again.
 */
public final class RevisionPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RevisionPoller.class);

  private final Revisions revisions;
  private final Map<String, List<Runnable>> handlers = new LinkedHashMap<>();
  private final Map<String, Long> applied;
  private final Map<String, String> failures = new HashMap<>();
  private ScheduledExecutorService timer;

  /**
   * Starts from the revisions in the database now: create it before loading what the handlers
   * reload, so that a change made meanwhile is applied again rather than missed.
   */
  public RevisionPoller(Revisions revisions) {
    this.revisions = Objects.requireNonNull(revisions, "revisions");
    this.applied = new HashMap<>(revisions.read());
  }

  /** Runs {@code apply} whenever {@code topic}'s revision moves; handlers run in the order added. */
  public synchronized void on(String topic, Runnable apply) {
    if (!Revisions.TOPICS.contains(topic)) {
      throw new IllegalArgumentException("unknown topic: " + topic);
    }
    handlers.computeIfAbsent(topic, t -> new ArrayList<>()).add(Objects.requireNonNull(apply, "apply"));
  }

  /**
   * Applies {@code topic} now if its revision moved, e.g. right after this instance wrote it. A
   * handler's exception reaches the caller, and the topic stays unapplied.
   *
   * @return whether the handlers ran
   */
  public synchronized boolean catchUp(String topic) {
    return apply(topic, revisions.read());
  }

  /**
   * Applies every topic whose revision moved. Failures (the database out of reach, a handler's
   * error) are logged once until they change or clear, and retried at the next poll.
   */
  public synchronized void poll() {
    Map<String, Long> now;
    try {
      now = revisions.read();
      recovered("revisions");
    } catch (RuntimeException e) {
      failed("revisions", e);
      return;
    }
    for (String topic : Revisions.TOPICS) {
      try {
        apply(topic, now);
        recovered(topic);
      } catch (RuntimeException e) {
        failed(topic, e);
      }
    }
  }

  private boolean apply(String topic, Map<String, Long> now) {
    Long revision = now.get(topic);
    if (revision == null || revision.equals(applied.get(topic))) {
      return false;
    }
    for (Runnable handler : handlers.getOrDefault(topic, List.of())) {
      handler.run();
    }
    applied.put(topic, revision);
    return true;
  }

  private void failed(String what, RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    if (!message.equals(failures.put(what, message))) {
      log.warn("cannot follow the database's {} (trying again every poll): {}", what, message, e);
    }
  }

  private void recovered(String what) {
    if (failures.remove(what) != null) {
      log.info("following the database's {} again", what);
    }
  }

  /** Polls every {@code interval} on a daemon thread of its own until {@link #close}. */
  public synchronized void start(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive: " + interval);
    }
    if (timer != null) {
      throw new IllegalStateException("already polling");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "kontekst-db-poll");
              t.setDaemon(true);
              return t;
            });
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Stops polling and waits for a poll in progress. The thread is not interrupted: an interrupt
   * during a write to the search index would close its files under it.
   */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t == null) {
      return;
    }
    if (ExecutorStop.gracefully(t, Duration.ofSeconds(60)) == ExecutorStop.Outcome.TIMED_OUT) {
      log.warn("a poll of the database's revisions did not end within 60 s of closing");
    }
  }
}
