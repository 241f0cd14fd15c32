package org.kontekst.bot.telegram;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.CallbackIn;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.command.Router;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Processes updates concurrently on a bounded executor it owns. The polling thread blocks when
 * {@code maxInFlight} updates are in flight, so a burst slows polling instead of piling up. An
 * update counts as done when its replies are sent; the tracker then persists the last processed
 * id. This is the outer edge: a failure is logged once with the update and chat, and the person
 * gets a short apology.
 */
final class UpdateProcessor implements LongPollingUpdateConsumer, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);

  private final Router router;
  private final SendQueue sends;
  private final FloodGuard flood;
  private final UpdateTracker tracker;
  private final BotMetrics metrics;
  private final Texts texts;
  private final ThreadPoolExecutor workers;
  private final Semaphore permits;

  UpdateProcessor(
      Router router,
      SendQueue sends,
      UpdateTracker tracker,
      BotMetrics metrics,
      Texts texts,
      TelegramConfig config,
      Ticker ticker) {
    this.router = Objects.requireNonNull(router, "router");
    this.sends = Objects.requireNonNull(sends, "sends");
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.flood = new FloodGuard(config.floodLimit(), config.floodWindow(), ticker);
    this.permits = new Semaphore(config.maxInFlight());
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            config.workers(),
            config.workers(),
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(config.maxInFlight()),
            r -> new Thread(r, "kontekst-update-" + n.incrementAndGet()));
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
    CompletableFuture<Void> sent;
    try {
      sent = handle(update);
    } catch (RuntimeException e) {
      log.error("update {} in chat {} failed", update.getUpdateId(), chatOf(update), e);
      metrics.update("failed");
      sent = apologise(update);
    }
    sent.whenComplete(
        (ignored, error) -> {
          if (error != null) {
            log.warn("update {} in chat {}: a reply could not be sent", update.getUpdateId(), chatOf(update), error);
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

  private CompletableFuture<Void> handle(Update update) {
    if (update.hasCallbackQuery()) {
      Optional<CallbackIn> press = UpdateMapper.callback(update.getCallbackQuery());
      if (press.isEmpty()) {
        metrics.update("ignored");
        return CompletableFuture.completedFuture(null);
      }
      metrics.update("callback");
      return sends.send(press.get().chatKind(), router.onCallback(press.get()));
    }
    Optional<Incoming> message = update.hasMessage() ? UpdateMapper.incoming(update.getMessage()) : Optional.empty();
    if (message.isEmpty()) {
      metrics.update("ignored");
      return CompletableFuture.completedFuture(null);
    }
    Incoming in = message.get();
    switch (flood.admit(in.userId())) {
      case NOTICE -> {
        metrics.update("flood");
        if (in.chatKind() != ChatKind.PRIVATE) {
          return CompletableFuture.completedFuture(null);
        }
        InterfaceLanguage lang = router.languageIn(in.chatId(), in.languageCode());
        return sends.send(
            in.chatKind(),
            List.of(Action.SendText.of(in.chatId(), in.message().messageId(), Html.escape(texts.get(lang, "rate.limited")))));
      }
      case DROP -> {
        metrics.update("flood");
        return CompletableFuture.completedFuture(null);
      }
      case ALLOW -> {
        metrics.update("message");
        return sends.send(in.chatKind(), router.onMessage(in));
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private CompletableFuture<Void> apologise(Update update) {
    try {
      if (update.hasCallbackQuery()) {
        Optional<CallbackIn> press = UpdateMapper.callback(update.getCallbackQuery());
        if (press.isPresent()) {
          InterfaceLanguage lang = InterfaceLanguage.fromTelegram(press.get().languageCode());
          return sends.send(
              ChatKind.OTHER,
              List.of(new Action.AnswerCallback(press.get().callbackId(), texts.get(lang, "check.failed"), true)));
        }
      }
      Optional<Incoming> in = update.hasMessage() ? UpdateMapper.incoming(update.getMessage()) : Optional.empty();
      if (in.isPresent() && in.get().chatKind() == ChatKind.PRIVATE) {
        InterfaceLanguage lang = InterfaceLanguage.fromTelegram(in.get().languageCode());
        return sends.send(
            ChatKind.PRIVATE,
            List.of(
                Action.SendText.of(
                    in.get().chatId(), in.get().message().messageId(), Html.escape(texts.get(lang, "check.failed")))));
      }
    } catch (RuntimeException e) {
      log.error("update {}: cannot send the apology either", update.getUpdateId(), e);
    }
    return CompletableFuture.completedFuture(null);
  }

  private static Object chatOf(Update update) {
    if (update.hasMessage() && update.getMessage().getChat() != null) {
      return update.getMessage().getChat().getId();
    }
    if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
      return update.getCallbackQuery().getMessage().getChatId();
    }
    return "?";
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
