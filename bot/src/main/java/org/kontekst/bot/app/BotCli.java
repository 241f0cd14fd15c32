package org.kontekst.bot.app;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kontekst.bot.command.CheckSettings;
import org.kontekst.bot.command.Conversation;
import org.kontekst.bot.curation.Retention;
import org.kontekst.bot.curation.RetentionJob;
import org.kontekst.bot.curation.RetentionPolicy;
import org.kontekst.bot.curation.Roles;
import org.kontekst.knowledge.ingest.PageFetcher;
import org.kontekst.knowledge.store.Revisions;
import org.kontekst.bot.render.ContextWriter;
import org.kontekst.bot.telegram.BotMetrics;
import org.kontekst.bot.telegram.ChatAdmins;
import org.kontekst.bot.telegram.ChatTyping;
import org.kontekst.bot.telegram.RunningBot;
import org.kontekst.bot.telegram.TelegramBot;
import org.kontekst.bot.telegram.TelegramConfig;
import org.kontekst.bot.telegram.TelegramConnection;
import org.kontekst.bot.telegram.TokenRejectedException;
import org.kontekst.bot.telegram.WebhookBot;
import org.kontekst.bot.telegram.WebhookConfig;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kontekst bot}: runs the Telegram bot with long polling, or with {@code --webhook} as one
 * of several instances behind a load balancer, until SIGTERM, then drains the updates in flight and
 * exits. A missing or rejected token, or bad webhook settings, exit with 2.
 */
@Command(
    name = "bot",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Telegram bot (long polling, or a webhook with --webhook) until stopped.",
      "Environment: TELEGRAM_BOT_TOKEN (required), TELEGRAM_API_URL (optional Bot API server),",
      "KONTEKST_METRICS_PORT (optional: serve /metrics and /health),",
      "KONTEKST_ADMINS (optional: Telegram user ids of curation admins, comma-separated),",
      "KONTEKST_VOLUNTEER_TEXT_DAYS (default 30), KONTEKST_VOLUNTEER_MAX_DAYS (default 90): retention of",
      "posts sent to volunteers (text of answered ones; any post), applied every 6 hours,",
      "KONTEKST_LLM_PROVIDER, _BASE_URL, _MODEL, _API_KEY (optional: a language model writes replies' context).",
      "With --webhook: KONTEKST_WEBHOOK_SECRET (required), KONTEKST_WEBHOOK_URL (optional: call setWebhook),",
      "KONTEKST_WEBHOOK_LISTEN (HOST:PORT, default 127.0.0.1:8080), KONTEKST_WEBHOOK_PATH (default /telegram/webhook),",
      "KONTEKST_WEBHOOK_MAX_CONNECTIONS (default 40)."
    })
final class BotCli implements Callable<Integer> {
  static final int BAD_CONFIGURATION = 2;
  /** How often volunteer posts past their retention are erased. */
  private static final Duration RETENTION_INTERVAL = Duration.ofHours(6);
  private static final Logger log = LoggerFactory.getLogger(BotCli.class);

  @Mixin private DataOption data;
  @Spec private CommandSpec spec;

  @Option(names = "--webhook", description = "Take updates by webhook (durable inbox; several instances may share the database).")
  private boolean webhook;

  @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Where the webhook listens (overrides KONTEKST_WEBHOOK_LISTEN).")
  private String listen;

  private final Environment env;

  BotCli(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (env.telegramToken() == null) {
      err.println("TELEGRAM_BOT_TOKEN is not set. Ask @BotFather for a token and export TELEGRAM_BOT_TOKEN=<token>.");
      return BAD_CONFIGURATION;
    }
    TelegramConfig config;
    WebhookConfig webhookConfig = null;
    Integer metricsPort;
    java.util.Set<Long> admins;
    ContextWriter contextWriter;
    RetentionPolicy retention;
    try {
      config = TelegramConfig.of(env.telegramToken(), env.telegramApiUrl());
      metricsPort = parsePort(env.metricsPort());
      admins = Roles.parseAdmins(env.admins());
      contextWriter = env.llm().contextWriter(Ticker.systemTicker());
      retention = env.retention();
      if (webhook) {
        webhookConfig = env.webhook().config(listen);
      } else if (listen != null) {
        throw new IllegalArgumentException("--listen is for webhook mode: add --webhook");
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return BAD_CONFIGURATION;
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    BotMetrics metrics = new BotMetrics(registry);
    AtomicBoolean running = new AtomicBoolean();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                stopped.await(config.drainTimeout().toSeconds() + 10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "kontekst-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Engine engine = Engine.open(data.store(), env.embedding()::create);
        MetricsEndpoint endpoint = metricsPort == null ? null : MetricsEndpoint.start(metricsPort, registry, running::get);
        TelegramConnection connection = TelegramConnection.open(config);
        RetentionJob purges =
            RetentionJob.start(
                new Retention(engine.store().dataSource(), retention, Clock.systemUTC()), RETENTION_INTERVAL)) {
      if (endpoint != null) {
        log.info("metrics on port {}", endpoint.port());
      }
      try (Conversation conversation =
          Conversation.assemble(
              new Conversation.Parts(
                  engine.checker(),
                  CheckSettings.forThreshold(engine.threshold()),
                  engine.store().dataSource(),
                  new EngineSummary(engine),
                  new ChatAdmins(connection.client()),
                  connection.username(),
                  metrics,
                  Clock.systemUTC(),
                  Ticker.systemTicker())
                  .withCuration(engine.curationParts(admins, PageFetcher.standard()))
                  .withContext(contextWriter, new ChatTyping(connection.client()))
                  .withRetention(retention))) {
        // Another instance on a shared database may change a chat's settings: drop the cached ones.
        engine.onChange(Revisions.CHAT_SETTINGS, conversation.settings()::invalidateAll);
        try (RunningBot bot =
            webhookConfig == null
                ? TelegramBot.start(
                    connection, conversation.router(), conversation.commands(), conversation.texts(),
                    conversation.state(), conversation.queue().outbox(), metrics, Ticker.systemTicker())
                : WebhookBot.start(
                    connection, webhookConfig, conversation.router(), conversation.commands(), conversation.texts(),
                    conversation.queue().outbox(), engine.store(), metrics, Ticker.systemTicker(),
                    Clock.systemUTC())) {
          conversation.background().deliverTo(bot.followUps());
          running.set(true);
          log.info("running; {} updates in flight", bot.inFlight());
          stop.await();
          running.set(false);
          // Fetches under way get a few seconds to finish while their answers can still be sent.
          conversation.background().close();
          log.info("stopping; draining {} updates in flight", bot.inFlight());
        }
      }
      return 0;
    } catch (TokenRejectedException e) {
      err.println(e.getMessage());
      return BAD_CONFIGURATION;
    } catch (TelegramApiException e) {
      err.println("Cannot talk to the Bot API at " + config.apiUrl() + ": " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("Cannot listen: " + e.getMessage());
      return 1;
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running and now returns
      }
    }
  }

  static Integer parsePort(String value) {
    if (value == null) {
      return null;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("KONTEKST_METRICS_PORT must be a port number (1-65535): " + value);
  }
}
