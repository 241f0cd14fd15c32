package org.kontekst.bot.telegram;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.kontekst.bot.chat.FollowUps;
import org.kontekst.bot.command.CommandRegistry;
import org.kontekst.bot.command.Router;
import org.kontekst.bot.curation.NoticeOutbox;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The running bot in webhook mode ({@code kontekst bot --webhook}). Telegram pushes updates to the
 * {@link WebhookServer}; each is recorded in the database's inbox before the answer 200, processed
 * by this instance at once, and answered through the outbox. Several instances may serve one
 * database behind a load balancer: every instance sweeps for updates and calls whose owner stopped
 * renewing its lease, so nothing recorded is lost when one dies, and a reply is sent twice only if
 * an instance died between making a call and recording Telegram's answer (counted in {@code
 * kontekst_sends_ambiguous_total}). Instances on a shared database pace their sends through it
 * ({@link DatabasePacer}), so that together they keep to the bot's limits.
 *
 * <p>{@link #close()} stops taking requests, drains the updates in flight and their replies, and
 * gives whatever is left back to the other instances at once.
 */
public final class WebhookBot implements RunningBot {
  private static final Logger log = LoggerFactory.getLogger(WebhookBot.class);
  /** Done updates are kept this long to recognise a late repeated delivery. */
  private static final Duration KEEP_DONE = Duration.ofDays(2);
  private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
  /** Send pacing rows this long past are purged (any row in the past paces nothing). */
  private static final Duration KEEP_PACE = Duration.ofMinutes(10);

  private final TelegramConfig config;
  private final WebhookConfig webhook;
  private final String owner;
  private final Clock clock;
  private final InboxRepository inbox;
  private final PaceRepository paces;
  private final SendQueue sends;
  private final OutboxSender sender;
  private final WebhookProcessor processor;
  private final AtomicBoolean ready;
  private final ScheduledExecutorService sweeper;
  private WebhookServer server;
  private NoticeSender notices;
  private Instant nextRenewal = Instant.MIN;
  private Instant nextPurge = Instant.MIN;

  private WebhookBot(
      TelegramConfig config,
      WebhookConfig webhook,
      String owner,
      Clock clock,
      InboxRepository inbox,
      PaceRepository paces,
      SendQueue sends,
      OutboxSender sender,
      WebhookProcessor processor) {
    this.config = config;
    this.webhook = webhook;
    this.owner = owner;
    this.clock = clock;
    this.inbox = inbox;
    this.paces = paces;
    this.sends = sends;
    this.sender = sender;
    this.processor = processor;
    this.ready = new AtomicBoolean();
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kontekst-sweeper");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Registers the commands, listens, registers the webhook when {@code webhook} has a public URL,
   * and starts sweeping and sending the curation queue's follow-ups.
   *
   * @throws IOException when the listen address cannot be bound
   * @throws TelegramApiException when Telegram refuses the commands or the webhook
   */
  public static WebhookBot start(
      TelegramConnection connection,
      WebhookConfig webhook,
      Router router,
      CommandRegistry commands,
      Texts texts,
      NoticeOutbox notices,
      KnowledgeStore store,
      BotMetrics metrics,
      Ticker ticker,
      Clock clock)
      throws IOException, TelegramApiException {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(webhook, "webhook");
    TelegramConfig config = connection.config();
    CommandMenu.register(connection.client(), commands, texts);
    // An update is acknowledged once recorded: the record must survive a kill.
    store.syncEachCommit();
    DataSource db = store.dataSource();
    String owner = "kontekst-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    InboxRepository inbox = new InboxRepository(db);
    PaceRepository paces = new PaceRepository(db);
    // Instances on a shared database keep to the bot's limits together; on H2 this is the only one.
    SendPacer.Factory pacers = store.shared() ? DatabasePacer.factory(paces, clock) : SendPacer.local();
    SendQueue sends = new SendQueue(connection.client(), config.limits(), config.retry(), metrics, pacers);
    OutboxSender sender = new OutboxSender(new OutboxRepository(db), sends, metrics, clock, owner, webhook.lease());
    WebhookProcessor processor =
        new WebhookProcessor(
            new UpdateHandler(router, metrics, texts, config, ticker), inbox, sender, metrics, clock, owner,
            webhook.lease(), config);
    WebhookBot bot = new WebhookBot(config, webhook, owner, clock, inbox, paces, sends, sender, processor);
    try {
      bot.server = WebhookServer.start(webhook, processor::receive, bot.ready::get, metrics);
      long sweep = webhook.sweepInterval().toMillis();
      bot.sweeper.scheduleWithFixedDelay(bot::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
      bot.notices = new NoticeSender(notices, sends, TelegramBot.NOTICE_INTERVAL);
      bot.ready.set(true);
      if (webhook.publicUrl() != null) {
        connection
            .client()
            .execute(
                SetWebhook.builder()
                    .url(webhook.publicUrl().toString())
                    .secretToken(webhook.secret())
                    .allowedUpdates(TelegramBot.ALLOWED_UPDATES)
                    .maxConnections(webhook.maxConnections())
                    .build());
        log.info("webhook registered at {}", webhook.publicUrl());
      } else {
        reportWebhook(connection);
      }
    } catch (IOException | TelegramApiException | RuntimeException e) {
      bot.halt();
      throw e;
    }
    log.info(
        "webhook mode as @{}: listening on {}:{}{} as instance {}",
        connection.username(), webhook.host(), bot.port(), webhook.path(), owner);
    return bot;
  }

  /** Says what Telegram knows of the webhook the deployment registered; never fails the start. */
  private static void reportWebhook(TelegramConnection connection) {
    try {
      WebhookInfo info = connection.client().execute(new GetWebhookInfo());
      if (info.getUrl() == null || info.getUrl().isBlank()) {
        log.warn("Telegram has no webhook for this bot: set KONTEKST_WEBHOOK_URL, or call setWebhook with the secret");
      } else {
        log.info(
            "Telegram pushes to {} ({} updates pending{})",
            info.getUrl(), info.getPendingUpdatesCount(),
            info.getLastErrorMessage() == null ? "" : ", last error: " + info.getLastErrorMessage());
      }
    } catch (TelegramApiException | RuntimeException e) {
      log.warn("cannot ask Telegram about the webhook: {}", e.toString());
    }
  }

  /** The port the webhook listens on. */
  public int port() {
    return server.port();
  }

  /** This instance's id, as it appears in the inbox and the outbox. */
  String owner() {
    return owner;
  }

  private void sweep() {
    Instant now = clock.instant();
    // Each part on its own: a scheduled task that throws would never run again.
    if (!now.isBefore(nextRenewal)) {
      try {
        processor.renew(now);
        sender.renew(now);
        nextRenewal = now.plus(webhook.lease().dividedBy(3));
      } catch (RuntimeException e) {
        log.error("cannot renew leases; retrying at the next sweep", e);
      }
    }
    try {
      processor.takeOver(now);
    } catch (RuntimeException e) {
      log.error("cannot take over orphaned updates", e);
    }
    try {
      sender.takeOver(now);
    } catch (RuntimeException e) {
      log.error("cannot take over orphaned calls", e);
    }
    if (!now.isBefore(nextPurge)) {
      try {
        int purged = inbox.purge(now.minus(KEEP_DONE));
        int pacing = paces.purge(now.minus(KEEP_PACE).toEpochMilli());
        nextPurge = now.plus(PURGE_INTERVAL);
        log.debug("purged {} done updates and {} send pacing rows", purged, pacing);
      } catch (RuntimeException e) {
        log.error("cannot purge done updates or send pacing", e);
      }
    }
  }

  @Override
  public FollowUps followUps() {
    return sends.followUps();
  }

  @Override
  public int inFlight() {
    return processor.inFlight() + sender.inFlight();
  }

  @Override
  public void close() {
    ready.set(false);
    if (server != null) {
      server.close();
    }
    sweeper.shutdownNow();
    long deadline = System.nanoTime() + config.drainTimeout().toNanos();
    try {
      sweeper.awaitTermination(5, TimeUnit.SECONDS);
      processor.drain(config.drainTimeout());
      while (sender.inFlight() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      if (inFlight() > 0) {
        log.warn("stopping with {} updates unfinished: giving them to the other instances", inFlight());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Instant now = clock.instant();
        processor.releaseAll(now);
        sender.releaseAll(now);
      } catch (RuntimeException e) {
        log.error("cannot give the unfinished updates back; they are taken over when their leases run out", e);
      }
      stopThreads();
    }
  }

  /** Stops every thread at once and writes nothing more, as if the process were killed (tests). */
  void halt() {
    ready.set(false);
    if (server != null) {
      server.kill();
    }
    sweeper.shutdownNow();
    stopThreads();
  }

  private void stopThreads() {
    if (notices != null) {
      notices.close();
    }
    processor.close();
    sender.close();
    sends.close();
  }
}
