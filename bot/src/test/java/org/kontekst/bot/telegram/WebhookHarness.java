package org.kontekst.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.command.CheckSettings;
import org.kontekst.bot.command.Conversation;
import org.kontekst.bot.command.KnowledgeSummary;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.store.KnowledgeStore;

/**
 * Bot instances in webhook mode against the fake Bot API on loopback, all sharing one H2 database
 * file, as several processes behind a load balancer share one PostgreSQL database.
 */
final class WebhookHarness implements AutoCloseable {
  static final String TOKEN = "123:TEST";
  static final String SECRET = "test_Secret-0123";

  final FakeBotApi api;
  final KnowledgeStore store;
  private final boolean ownsStore;
  private final List<Instance> instances = new ArrayList<>();

  /** One running instance. */
  final class Instance {
    final WebhookBot bot;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TelegramConnection connection;

    private Instance(Checker checker, double threshold, SendLimits limits, WebhookConfig webhook) throws Exception {
      TelegramConfig config =
          TelegramConfig.of(TOKEN, api.url().toString())
              .withPollTimeout(Duration.ofSeconds(1))
              .withLimits(limits, new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(400)));
      connection = TelegramConnection.open(config);
      BotMetrics metrics = new BotMetrics(registry);
      Conversation conversation =
          Conversation.assemble(
              new Conversation.Parts(
                  checker,
                  CheckSettings.forThreshold(threshold),
                  store.dataSource(),
                  () -> new KnowledgeSummary(25, List.of("Example Outlet"), Optional.empty()),
                  new ChatAdmins(connection.client()),
                  connection.username(),
                  metrics,
                  Clock.systemUTC(),
                  Ticker.systemTicker()));
      bot =
          WebhookBot.start(
              connection, webhook, conversation.router(), conversation.commands(), conversation.texts(),
              conversation.queue().outbox(), store, metrics, Ticker.systemTicker(), Clock.systemUTC());
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + bot.port() + WebhookConfig.DEFAULT_PATH);
    }

    URI health() {
      return URI.create("http://127.0.0.1:" + bot.port() + WebhookConfig.HEALTH_PATH);
    }

    /** A counter's value, 0 when it was never incremented. */
    double count(String name, String... tags) {
      Counter counter = registry.find(name).tags(tags).counter();
      return counter == null ? 0 : counter.count();
    }

    /** Dies: no draining, nothing more written by it (threads blocked in a checker aside). */
    void halt() {
      bot.halt();
      connection.close();
      instances.remove(this);
    }

    void stop() {
      bot.close();
      connection.close();
      instances.remove(this);
    }
  }

  /** Instances on a database of their own in {@code dir}. */
  WebhookHarness(Path dir) throws Exception {
    this(KnowledgeStore.open(dir), true);
  }

  /** Instances on an open store (an engine's), which the harness leaves open. */
  WebhookHarness(KnowledgeStore store) throws Exception {
    this(store, false);
  }

  private WebhookHarness(KnowledgeStore store, boolean ownsStore) throws Exception {
    this.store = store;
    this.ownsStore = ownsStore;
    this.api = FakeBotApi.start(TOKEN);
  }

  /** An instance with the test checker, no pacing, the given lease and a sweep a tenth of it. */
  Instance start(Checker checker, Duration lease) throws Exception {
    return start(checker, SendLimits.unlimited(), lease);
  }

  Instance start(Checker checker, SendLimits limits, Duration lease) throws Exception {
    return start(checker, limits, config(lease));
  }

  Instance start(Checker checker, SendLimits limits, WebhookConfig webhook) throws Exception {
    return start(checker, 0.5, limits, webhook);
  }

  /** An instance with a real engine's checker and threshold. */
  Instance start(Checker checker, double threshold, SendLimits limits, WebhookConfig webhook) throws Exception {
    Instance instance = new Instance(checker, threshold, limits, webhook);
    instances.add(instance);
    return instance;
  }

  static WebhookConfig config(Duration lease) {
    return WebhookConfig.of("127.0.0.1", 0, WebhookConfig.DEFAULT_PATH, SECRET, null, 40)
        .withLease(lease, lease.dividedBy(10));
  }

  /** Points the fake Telegram at these instances, in turn. */
  void route(Instance... to) {
    List<URI> urls = new ArrayList<>();
    for (Instance i : to) {
      urls.add(i.url());
    }
    api.setWebhook(urls, SECRET, 40);
  }

  void push(JsonNode update) {
    api.enqueue(update);
  }

  /** Waits until every message in {@code expected} got at least one accepted reply. */
  void awaitAnswers(List<FakeBotApi.Answer> expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!api.answers().keySet().containsAll(expected)) {
      if (System.nanoTime() > deadline) {
        List<FakeBotApi.Answer> missing = new ArrayList<>(expected);
        missing.removeAll(api.answers().keySet());
        throw new AssertionError(missing.size() + " of " + expected.size() + " messages unanswered: " + missing);
      }
      Thread.sleep(10);
    }
  }

  long count(String sql) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Waits until {@code sql} counts {@code expected}. */
  void awaitCount(String sql, long expected, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long seen;
    while ((seen = count(sql)) != expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(sql + " counted " + seen + ", not " + expected);
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() {
    for (Instance i : List.copyOf(instances)) {
      i.stop();
    }
    api.close();
    if (ownsStore) {
      store.close();
    }
  }
}
