package org.kontekst.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Processes long-polled updates concurrently on a bounded executor it owns: the {@link
 * UpdateHandler} makes each reply and the send queue sends it. The polling thread blocks when
 * {@code maxInFlight} updates are in flight, so a burst slows polling instead of piling up. An
 * update counts as done when its replies are sent; the tracker then persists the last processed
 * id.
 */
final class UpdateProcessor implements LongPollingUpdateConsumer, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);

  private final UpdateHandler handler;
  private final SendQueue sends;
  private final UpdateTracker tracker;
  private final BotMetrics metrics;
  private final ThreadPoolExecutor workers;
  private final Semaphore permits;

  UpdateProcessor(
      UpdateHandler handler, SendQueue sends, UpdateTracker tracker, BotMetrics metrics, TelegramConfig config) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.sends = Objects.requireNonNull(sends, "sends");
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.permits = new Semaphore(config.maxInFlight());
    this.workers = UpdateHandler.executor(config);
  }

  @Override
  public void consume(List<Update> updates) {
    for (Update update : updates) {
      if (update == null || update.getUpdateId() == null) {
        continue;
      }
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        // Stopping: the rest of this batch was not taken, and Telegram will offer it again.
        Thread.currentThread().interrupt();
        return;
      }
      long received = System.nanoTime();
      tracker.received(update.getUpdateId());
      try {
        workers.execute(() -> process(update, received));
      } catch (RejectedExecutionException e) {
        // Stopping: Telegram will offer this update again after the restart.
        tracker.abandon(update.getUpdateId());
        permits.release();
        return;
      }
    }
  }

  private void process(Update update, long received) {
    UpdateHandler.Reply reply = handler.answer(update);
    sends
        .send(reply.kind(), reply.actions())
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                log.warn(
                    "update {} in chat {}: a reply could not be sent",
                    update.getUpdateId(), UpdateHandler.chatOf(update), error);
              }
              metrics.latency(System.nanoTime() - received);
              finish(update.getUpdateId());
            });
  }

  private void finish(int updateId) {
    try {
      tracker.done(updateId);
    } catch (RuntimeException e) {
      log.error("update {}: cannot persist the last processed update id", updateId, e);
    } finally {
      permits.release();
    }
  }

  /** Waits for updates in flight (their replies included) to finish; false on timeout. */
  boolean drain(Duration timeout) throws InterruptedException {
    workers.shutdown();
    return tracker.awaitIdle(timeout.toMillis());
  }

  int inFlight() {
    return tracker.inFlightCount();
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
