package org.kontekst.knowledge.lifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The two ways our {@code close()} methods stop an executor: take no new tasks and wait a while for
 * those under way, then either leave the rest alone (a task interrupted while it writes the search
 * index would close the index's files under it) or interrupt them. An interrupt of the closing
 * thread ends the wait early and stays set on that thread, for its caller to see.
 */
public final class ExecutorStop {
  private ExecutorStop() {}

  /** How the wait for an executor's tasks ended. */
  public enum Outcome {
    /** Every task ended within the grace. */
    ENDED,
    /** Tasks were still running when the grace ran out. */
    TIMED_OUT,
    /** The closing thread was interrupted while it waited. */
    INTERRUPTED
  }

  /** Shuts {@code executor} down and waits up to {@code grace} for its tasks, never interrupting them. */
  public static Outcome gracefully(ExecutorService executor, Duration grace) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(grace, "grace");
    executor.shutdown();
    try {
      return executor.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS) ? Outcome.ENDED : Outcome.TIMED_OUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.INTERRUPTED;
    }
  }

  /**
   * As {@link #gracefully}, then interrupts the tasks still running (and drops those not started)
   * when the grace ran out or the wait was interrupted.
   */
  public static Outcome interruptingAfter(ExecutorService executor, Duration grace) {
    Outcome outcome = gracefully(executor, grace);
    if (outcome != Outcome.ENDED) {
      executor.shutdownNow();
    }
    return outcome;
  }
}
