package org.kontekst.bot.telegram;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode's processing on one instance. A pushed update is recorded in the inbox, owned by
 * this instance, and processed at once on a bounded executor by the same {@link UpdateHandler} as
 * long polling; its reply is written to the outbox in the transaction that marks it done, then
 * handed to the {@link OutboxSender}. Each sweep renews the leases of the updates in flight and
 * takes over updates whose owner stopped renewing (it died), with a conditional update that only
 * one instance can win.
 */
final class WebhookProcessor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);
  /** Owners an update may have: one that took down more instances than this is given up. */
  static final int MAX_CLAIMS = 3;

  private final UpdateHandler handler;
  private final InboxRepository inbox;
  private final OutboxSender sender;
  private final BotMetrics metrics;
  private final Clock clock;
  private final String owner;
  private final Duration lease;
  private final int capacity;
  private final ThreadPoolExecutor workers;
  /** The updates this instance owns and has not completed, with when each arrived. */
  private final Map<Long, Long> inFlight = new ConcurrentHashMap<>();

  WebhookProcessor(
      UpdateHandler handler,
      InboxRepository inbox,
      OutboxSender sender,
      BotMetrics metrics,
      Clock clock,
      String owner,
      Duration lease,
      TelegramConfig config) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.capacity = config.maxInFlight();
    this.workers = UpdateHandler.executor(config);
  }

  /**
   * Records a pushed update and starts processing it; a repeated delivery records and starts
   * nothing. Returns once the update is durable.
   *
   * @throws org.kontekst.knowledge.store.StoreException when it cannot be recorded
   */
  void receive(long updateId, String json) {
    Instant now = clock.instant();
    if (!inbox.record(updateId, json, owner, now, now.plus(lease))) {
      metrics.inbox("repeated");
      return;
    }
    metrics.inbox("recorded");
    start(updateId, json, System.nanoTime());
  }

  private void start(long updateId, String json, long received) {
    inFlight.put(updateId, received);
    try {
      workers.execute(() -> process(updateId, json, received));
    } catch (RejectedExecutionException e) {
      // Too busy or stopping: the update goes back to the inbox for any instance to take.
      inFlight.remove(updateId);
      try {
        inbox.release(List.of(updateId), owner, clock.instant());
        metrics.inbox("released");
      } catch (RuntimeException failed) {
        log.warn("update {}: cannot give it back; it is taken over when its lease runs out", updateId, failed);
      }
    }
  }

  private void process(long updateId, String json, long received) {
    try {
      complete(updateId, handler.answer(parse(updateId, json)), received);
    } catch (RuntimeException e) {
      // The store failed: the update stays owed, and is processed again after its lease.
      log.error("update {}: cannot complete it; it is processed again when its lease runs out", updateId, e);
    } finally {
      inFlight.remove(updateId);
    }
  }

  private void complete(long updateId, UpdateHandler.Reply reply, long received) {
    Instant now = clock.instant();
    Optional<List<OutboxRow>> rows = inbox.complete(updateId, owner, reply, now, now.plus(lease));
    if (rows.isEmpty()) {
      metrics.inbox("lost");
      log.warn("update {}: another instance took it over before this one finished; its reply is theirs", updateId);
      return;
    }
    sender.send(updateId, rows.get(), received);
  }

  private static Update parse(long updateId, String json) {
    try {
      if (json != null) {
        return LenientGetUpdates.read(json);
      }
    } catch (IOException e) {
      log.warn("update {} is not JSON and is skipped", updateId);
    }
    Update empty = new Update();
    empty.setUpdateId((int) updateId);
    return empty;
  }

  /** Extends the leases of the updates in flight. */
  void renew(Instant now) {
    if (!inFlight.isEmpty()) {
      inbox.renew(Set.copyOf(inFlight.keySet()), owner, now.plus(lease));
    }
  }

  /** Takes over, as far as there is room, updates whose lease ran out. */
  void takeOver(Instant now) {
    int room = capacity - inFlight.size();
    if (room <= 0) {
      return;
    }
    for (long updateId : inbox.due(now, room)) {
      Optional<InboxRepository.Claimed> claimed = inbox.claim(updateId, owner, now, now.plus(lease));
      if (claimed.isEmpty()) {
        continue;
      }
      metrics.inbox("taken_over");
      log.info("update {}: taken over from an instance whose lease ran out", updateId);
      if (claimed.get().claims() > MAX_CLAIMS) {
        giveUp(updateId, claimed.get().claims() - 1);
        continue;
      }
      start(updateId, claimed.get().payload(), OutboxSender.UNKNOWN);
    }
  }

  /** An update whose owners keep dying is likely what kills them: it is marked done unanswered. */
  private void giveUp(long updateId, int owners) {
    log.error("update {} is given up: {} instances stopped while processing it", updateId, owners);
    metrics.inbox("given_up");
    complete(updateId, UpdateHandler.Reply.NONE, OutboxSender.UNKNOWN);
  }

  /** Updates owned and not completed. */
  int inFlight() {
    return inFlight.size();
  }

  /** Stops taking work and waits up to {@code timeout} for the updates in flight; false on timeout. */
  boolean drain(Duration timeout) throws InterruptedException {
    workers.shutdown();
    return workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Gives the updates not completed back, so that another instance takes them at once. */
  void releaseAll(Instant now) {
    if (!inFlight.isEmpty()) {
      inbox.release(Set.copyOf(inFlight.keySet()), owner, now);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
