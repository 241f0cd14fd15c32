package org.kontekst.bot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.kontekst.knowledge.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's calls through the {@link SendQueue} (its pacing and retries unchanged), in
 * order within one update. Before each call to Telegram it counts the attempt in the row, on the
 * condition that this instance still owns it; as soon as Telegram accepts, the row is deleted, by
 * a thread of its own that deletes in one transaction all the rows accepted meanwhile (a commit
 * per message would bound throughput). So a call is made again only after an instance stopped
 * between those two writes, and the one that takes it over sees a non-zero attempt count: it logs
 * and counts that send as ambiguous.
 */
final class OutboxSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  /** For {@code received}: the update did not arrive here, so its latency is unknown. */
  static final long UNKNOWN = Long.MIN_VALUE;
  /** Updates whose calls one sweep takes over at most. */
  private static final int TAKEOVER_BATCH = 100;
  /** How long calls Telegram kept failing wait before they are tried again. */
  private static final Duration RETRY_LATER = Duration.ofSeconds(5);
  /** Accepted calls deleted in one transaction at most. */
  private static final int SENT_BATCH = 500;

  /** The instance no longer owns a call: another one took it over, and makes it. */
  private static final class LostCall extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LostCall(OutboxRow row) {
      super("update " + row.updateId() + ", call " + row.seq() + ": taken over by another instance", null, false, false);
    }
  }

  private final OutboxRepository outbox;
  private final SendQueue sends;
  private final BotMetrics metrics;
  private final Clock clock;
  private final String owner;
  private final Duration lease;
  private final Set<Long> sending = ConcurrentHashMap.newKeySet();
  /** Calls Telegram accepted whose rows are not deleted yet. */
  private final BlockingQueue<OutboxRow> accepted = new LinkedBlockingQueue<>();
  private final AtomicInteger unrecorded = new AtomicInteger();
  private final Thread recorder;

  OutboxSender(OutboxRepository outbox, SendQueue sends, BotMetrics metrics, Clock clock, String owner, Duration lease) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.sends = Objects.requireNonNull(sends, "sends");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.recorder = new Thread(this::recordAccepted, "kontekst-outbox-sent");
    recorder.setDaemon(true);
    recorder.start();
  }

  /**
   * Sends the calls of one update, owned by this instance, one after another.
   *
   * @param received when the update arrived here ({@code System.nanoTime()}), or {@link #UNKNOWN}
   */
  void send(long updateId, List<OutboxRow> rows, long received) {
    if (rows.isEmpty()) {
      done(received);
      return;
    }
    sending.add(updateId);
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (OutboxRow row : rows) {
      chain = chain.thenCompose(ignored -> sendOne(row));
    }
    chain.whenComplete(
        (ok, error) -> {
          try {
            if (error == null) {
              done(received);
            } else {
              failed(updateId, rows.get(0), unwrap(error));
            }
          } finally {
            sending.remove(updateId);
          }
        });
  }

  private void done(long received) {
    if (received != UNKNOWN) {
      metrics.latency(System.nanoTime() - received);
    }
  }

  private CompletableFuture<Void> sendOne(OutboxRow row) {
    return sends
        .send(
            row.kind(),
            row.action(),
            () -> {
              if (!outbox.attempt(row, owner, clock.instant().plus(lease))) {
                throw new LostCall(row);
              }
            })
        .thenRun(
            () -> {
              unrecorded.incrementAndGet();
              accepted.add(row);
            });
  }

  /** Deletes the rows of accepted calls, all that piled up in one transaction, until interrupted. */
  private void recordAccepted() {
    List<OutboxRow> batch = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (batch.isEmpty()) {
          batch.add(accepted.take());
        }
        accepted.drainTo(batch, SENT_BATCH - batch.size());
        for (OutboxRow lost : outbox.removeAll(batch, owner)) {
          // Accepted after this instance lost the row: the new owner may send it again.
          log.warn("update {}: call {} was accepted after another instance took it over", lost.updateId(), lost.seq());
        }
        unrecorded.addAndGet(-batch.size());
        batch.clear();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("cannot record {} calls as sent; trying again", batch.size(), e);
        try {
          Thread.sleep(200);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  private void failed(long updateId, OutboxRow first, Throwable cause) {
    if (cause instanceof LostCall) {
      log.info("{}", cause.getMessage());
      return;
    }
    if (cause instanceof StoreException || cause instanceof IllegalStateException) {
      // The database or the send queue failed, not Telegram: the calls stay owed, and once their
      // lease runs out an instance (this one too) takes them over.
      log.warn("update {}: calls left for a later attempt: {}", updateId, cause.toString());
      return;
    }
    if (SendQueue.transientFailure(cause)) {
      // Telegram kept failing (429, 5xx, the network) through every retry: the calls stay owed and
      // are taken over after a pause, by any instance, rather than lost. A 5xx may hide a call
      // Telegram carried out, so the next attempt counts as ambiguous.
      log.warn("update {} in chat {}: Telegram kept failing ({}); trying again in {} s", updateId,
          first.action().chatId(), cause.toString(), RETRY_LATER.toSeconds());
      try {
        outbox.release(List.of(updateId), owner, clock.instant().plus(RETRY_LATER));
      } catch (RuntimeException e) {
        log.error("update {}: cannot put the calls back; they are taken over when their lease runs out", updateId, e);
      }
      return;
    }
    log.warn("update {} in chat {}: a reply could not be sent", updateId, first.action().chatId(), cause);
    try {
      outbox.abandon(updateId, owner);
    } catch (RuntimeException e) {
      log.error("update {}: cannot drop the calls Telegram refused", updateId, e);
    }
  }

  /** Extends the leases of the calls being sent. */
  void renew(Instant now) {
    if (!sending.isEmpty()) {
      outbox.renew(Set.copyOf(sending), owner, now.plus(lease));
    }
  }

  /** Takes over the calls of instances whose lease ran out. */
  void takeOver(Instant now) {
    for (long updateId : outbox.due(now, TAKEOVER_BATCH)) {
      if (sending.contains(updateId)) {
        continue;
      }
      List<OutboxRow> rows = outbox.claim(updateId, owner, now, now.plus(lease));
      if (rows.isEmpty()) {
        continue;
      }
      metrics.outboxTakeover();
      for (OutboxRow row : rows) {
        if (row.attempts() > 0) {
          metrics.ambiguousSend();
          log.warn(
              "update {}: call {} ({}) to chat {} was attempted {} time(s) without a recorded answer (its"
                  + " instance stopped, or Telegram kept failing); sending it again, which may duplicate it",
              updateId, row.seq(), ActionJson.method(row.action()), row.action().chatId(), row.attempts());
        }
      }
      send(updateId, rows, UNKNOWN);
    }
  }

  /** Updates whose calls are being sent, or whose acceptance is not recorded yet. */
  int inFlight() {
    return sending.size() + unrecorded.get();
  }

  /** Gives the calls still being sent back, so that another instance takes them at once. */
  void releaseAll(Instant now) {
    if (!sending.isEmpty()) {
      outbox.release(Set.copyOf(sending), owner, now);
    }
  }

  /** Stops recording accepted calls; call it after the calls in flight are done (drained). */
  @Override
  public void close() {
    recorder.interrupt();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
