package org.kontekst.bot.telegram;

import java.util.TreeSet;
import org.kontekst.bot.chat.BotState;

/**
 * Which updates are in flight, and the highest update id below which all are done: that id is
 * persisted as it advances, so a restart asks Telegram for exactly the updates not yet handled.
 */
final class UpdateTracker {
  private final BotState state;
  private final TreeSet<Integer> inFlight = new TreeSet<>();
  private long maxReceived;
  private long persisted;

  UpdateTracker(BotState state) {
    this.state = state;
    this.persisted = state.lastUpdateId();
    this.maxReceived = persisted;
  }

  /** The last processed update id when the bot started or last persisted. */
  synchronized long persisted() {
    return persisted;
  }

  synchronized void received(int updateId) {
    inFlight.add(updateId);
    maxReceived = Math.max(maxReceived, updateId);
  }

  /** Forgets an update that was received but will not be processed (the bot is stopping). */
  synchronized void abandon(int updateId) {
    inFlight.remove(updateId);
    if (maxReceived == updateId) {
      maxReceived = updateId - 1L;
    }
    notifyAll();
  }

  /** Marks an update done and persists the new watermark if it advanced. */
  void done(int updateId) {
    long mark;
    synchronized (this) {
      inFlight.remove(updateId);
      mark = inFlight.isEmpty() ? maxReceived : inFlight.first() - 1L;
      if (mark <= persisted) {
        notifyAll();
        return;
      }
      persisted = mark;
      state.saveLastUpdateId(mark);
      notifyAll();
    }
  }

  /** Waits until nothing is in flight; false on timeout. */
  synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!inFlight.isEmpty()) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  synchronized int inFlightCount() {
    return inFlight.size();
  }
}
