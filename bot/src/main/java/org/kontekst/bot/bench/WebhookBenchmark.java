package org.kontekst.bot.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.kontekst.bot.command.Conversation;
import org.kontekst.bot.telegram.BotMetrics;
import org.kontekst.bot.telegram.RunningBot;
import org.kontekst.bot.telegram.TelegramConnection;
import org.kontekst.bot.telegram.WebhookBot;
import org.kontekst.bot.telegram.WebhookConfig;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.store.KnowledgeStore;

/**
 * The webhook benchmark: the fake Telegram pushes forwarded posts over loopback HTTP to one or more
 * webhook instances (taking them in turn, as nginx would) that share one H2 database file; each
 * post is recorded in the inbox before the 200, processed, written to the outbox and sent. Latency
 * is from the moment the fake hands a post to its pusher to the moment the reply arrives there.
 * Pacing is off, as in {@link TelegramBenchmark}.
 */
public final class WebhookBenchmark {
  private static final String SECRET = "bench_secret";

  private WebhookBenchmark() {}

  /**
   * Warms the bots up as {@link TelegramBenchmark} does, then {@code posts} posts pushed at {@code
   * ratePerSecond} (0: all at once), and measures the second run; {@code forgetAnswers} empties the
   * checker's cache in between (see {@link TelegramBenchmark#run(Checker, double, int, int, List, Runnable)}).
   */
  public static TelegramBenchmark.Result run(
      Checker checker, double threshold, int posts, int ratePerSecond, List<String> texts, int instances,
      Runnable forgetAnswers)
      throws Exception {
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1: " + instances);
    }
    Path dir = Files.createTempDirectory("kontekst-webhook-bench");
    List<TelegramConnection> connections = new ArrayList<>();
    List<WebhookBot> bots = new ArrayList<>();
    try (FakeBotApi api = FakeBotApi.start(TelegramBenchmark.TOKEN);
        KnowledgeStore store = KnowledgeStore.open(dir)) {
      try {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          TelegramConnection connection = TelegramConnection.open(TelegramBenchmark.config(api));
          connections.add(connection);
          BotMetrics metrics = new BotMetrics(new SimpleMeterRegistry());
          Conversation conversation = TelegramBenchmark.conversation(checker, threshold, store, connection, metrics);
          WebhookBot bot =
              WebhookBot.start(
                  connection,
                  WebhookConfig.of("127.0.0.1", 0, WebhookConfig.DEFAULT_PATH, SECRET, null, WebhookConfig.DEFAULT_MAX_CONNECTIONS),
                  conversation.router(), conversation.commands(), conversation.texts(), conversation.queue().outbox(),
                  store, metrics, Ticker.systemTicker(), Clock.systemUTC());
          bots.add(bot);
          urls.add(URI.create("http://127.0.0.1:" + bot.port() + WebhookConfig.DEFAULT_PATH));
        }
        api.setWebhook(urls, SECRET, WebhookConfig.DEFAULT_MAX_CONNECTIONS);
        return new TelegramBenchmark.Flow(api, all(bots), texts).warmUpAndMeasure(posts, ratePerSecond, forgetAnswers);
      } finally {
        bots.forEach(WebhookBot::close);
        connections.forEach(TelegramConnection::close);
      }
    } finally {
      delete(dir);
    }
  }

  private static RunningBot all(List<WebhookBot> bots) {
    return new RunningBot() {
      @Override
      public org.kontekst.bot.chat.FollowUps followUps() {
        return bots.get(0).followUps();
      }

      @Override
      public int inFlight() {
        return bots.stream().mapToInt(WebhookBot::inFlight).sum();
      }

      @Override
      public void close() {
        bots.forEach(WebhookBot::close);
      }
    };
  }

  /** Deletes a directory and everything in it. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
