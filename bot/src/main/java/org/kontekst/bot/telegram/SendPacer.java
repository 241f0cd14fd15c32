package org.kontekst.bot.telegram;

import java.time.Duration;

/**
 * A rate limit per key as the send queue uses it: it hands out send times instead of blocking.
 * Times are {@code System.nanoTime()} values. {@link Pacer} keeps its state in this process's
 * memory; {@link DatabasePacer} keeps it in the database that webhook instances share, so that
 * they keep to one limit together.
 */
interface SendPacer {
  /** Reserves a send for {@code key} no earlier than {@code earliest}; returns when it may go. */
  long reserve(long key, long earliest);

  /** Holds every send for {@code key} until {@code until} (after a 429). */
  void holdUntil(long key, long until);

  /** Pacers in this process's memory: one process sends for the bot. */
  static Factory local() {
    return (limit, interval, burst) -> new Pacer(interval, burst);
  }

  /** Makes the pacer of one of the send queue's limits: {@code chat}, {@code group} or {@code global}. */
  @FunctionalInterface
  interface Factory {
    SendPacer create(String limit, Duration interval, int burst);
  }
}
