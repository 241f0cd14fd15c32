package org.kontekst.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kontekst.bot.chat.BotState;
import org.kontekst.bot.chat.FollowUps;
import org.kontekst.bot.command.CommandRegistry;
import org.kontekst.bot.command.Router;
import org.kontekst.bot.curation.NoticeOutbox;
import org.kontekst.bot.render.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The running bot: registers the command menu, long-polls with TelegramBots on an executor this
 * class owns, and processes updates. The first getUpdates resumes after the persisted last
 * processed update id. {@link #close()} stops polling, drains the updates in flight (their replies
 * included) and shuts every thread it started down.
 */
public final class TelegramBot implements RunningBot {
  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
  /** The updates the bot asks Telegram for, by long polling or by webhook. */
  static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");
  /** Telegram renumbers updates after a week without any; an id older than this is not resumed. */
  private static final Duration STALE_OFFSET = Duration.ofDays(6);
  /** How often the curation queue's follow-ups are looked for. */
  static final Duration NOTICE_INTERVAL = Duration.ofSeconds(1);

  private final TelegramConnection connection;
  private final SendQueue sends;
  private final NoticeSender notices;
  private final UpdateProcessor processor;
  private final ScheduledExecutorService poller;
  private final TelegramBotsLongPollingApplication polling;

  private TelegramBot(
      TelegramConnection connection,
      SendQueue sends,
      NoticeSender notices,
      UpdateProcessor processor,
      ScheduledExecutorService poller,
      TelegramBotsLongPollingApplication polling) {
    this.connection = connection;
    this.sends = sends;
    this.notices = notices;
    this.processor = processor;
    this.poller = poller;
    this.polling = polling;
  }

  /** Registers the commands and starts polling, and sending the curation queue's follow-ups. */
  public static TelegramBot start(
      TelegramConnection connection,
      Router router,
      CommandRegistry commands,
      Texts texts,
      BotState state,
      NoticeOutbox outbox,
      BotMetrics metrics,
      Ticker ticker)
      throws TelegramApiException {
    Objects.requireNonNull(connection, "connection");
    TelegramConfig config = connection.config();
    CommandMenu.register(connection.client(), commands, texts);
    if (state.lastUpdateAt().map(t -> t.isBefore(Instant.now().minus(STALE_OFFSET))).orElse(false)) {
      log.info("the last processed update is over {} days old: starting from Telegram's next", STALE_OFFSET.toDays());
      state.forgetLastUpdateId();
    }
    SendQueue sends = new SendQueue(connection.client(), config.limits(), config.retry(), metrics);
    UpdateTracker tracker = new UpdateTracker(state);
    UpdateProcessor processor =
        new UpdateProcessor(new UpdateHandler(router, metrics, texts, config, ticker), sends, tracker, metrics, config);
    ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "kontekst-poll"));
    TelegramBotsLongPollingApplication polling =
        new TelegramBotsLongPollingApplication(ObjectMapper::new, connection::pollingHttp, () -> poller);
    long resumeAfter = tracker.persisted();
    int timeout = (int) config.pollTimeout().toSeconds();
    try {
      polling.registerBot(
          config.token(),
          config::telegramUrl,
          lastReceived ->
              new LenientGetUpdates(
                  (int) Math.max(lastReceived, resumeAfter) + 1, 100, timeout, ALLOWED_UPDATES),
          processor);
      if (!polling.isRunning()) {
        polling.start();
      }
    } catch (TelegramApiException | RuntimeException e) {
      processor.close();
      sends.close();
      poller.shutdownNow();
      throw e;
    }
    log.info("polling {} as @{} from update {}", config.apiUrl(), connection.username(), resumeAfter + 1);
    NoticeSender notices = new NoticeSender(outbox, sends, NOTICE_INTERVAL);
    return new TelegramBot(connection, sends, notices, processor, poller, polling);
  }

  @Override
  public FollowUps followUps() {
    return sends.followUps();
  }

  @Override
  public int inFlight() {
    return processor.inFlight();
  }

  @Override
  public void close() {
    try {
      polling.close();
    } catch (Exception e) {
      log.warn("stopping long polling failed", e);
    }
    connection.cancelPolling();
    poller.shutdownNow();
    try {
      poller.awaitTermination(5, TimeUnit.SECONDS);
      if (!processor.drain(connection.config().drainTimeout())) {
        log.warn("stopped with {} updates unfinished", processor.inFlight());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      notices.close();
      processor.close();
      sends.close();
    }
  }
}
