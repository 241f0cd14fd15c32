package org.kontekst.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.chat.BotState;
import org.kontekst.bot.feedback.Signer;
import org.kontekst.bot.command.CheckSettings;
import org.kontekst.bot.command.Conversation;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.wording.Wording;
import org.kontekst.bot.command.KnowledgeSummary;
import org.kontekst.bot.render.ContextWriter;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.TestDatabase;

/**
 * The real bot against the fake Bot API on loopback, with a fake checker and a database (in-memory
 * H2 unless given) that outlives restarts of the bot within one test.
 */
public final class BotHarness implements AutoCloseable {
  public static final String TOKEN = "123:TEST";
  private static final AtomicInteger DATABASES = new AtomicInteger();

  public final FakeBotApi api;
  public final KnowledgeStore store;
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TelegramConfig config;
  private TelegramConnection connection;
  private TelegramBot bot;
  private ContextWriter contextWriter = ContextWriter.NONE;
  private Checker checker = new FakeChecker();
  private java.util.Set<Long> admins = java.util.Set.of();
  private org.kontekst.knowledge.ingest.PageFetcher fetcher = org.kontekst.knowledge.ingest.PageFetcher.standard();
  private Conversation conversation;

  public BotHarness() throws Exception {
    this(SendLimits.unlimited());
  }

  /** The bot on a fresh database of the given kind (H2 or PostgreSQL). */
  public BotHarness(TestDatabase database) throws Exception {
    this(SendLimits.unlimited(), database);
  }

  public BotHarness(SendLimits limits) throws Exception {
    this(limits, null);
  }

  private BotHarness(SendLimits limits, TestDatabase database) throws Exception {
    store = database == null
        ? KnowledgeStore.open("jdbc:h2:mem:bot" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1")
        : database.open();
    api = FakeBotApi.start(TOKEN);
    config =
        TelegramConfig.of(TOKEN, api.url().toString())
            .withPollTimeout(Duration.ofSeconds(1))
            .withLimits(limits, new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(400)));
  }

  public BotHarness flood(int limit) {
    config = config.withFlood(limit, Duration.ofMinutes(1));
    return this;
  }

  /** Replies open with {@code writer}'s paragraphs, with "typing…" sent meanwhile. */
  public BotHarness withContext(ContextWriter writer) {
    contextWriter = writer;
    return this;
  }

  /** Checks posts with {@code checker} instead of the {@link FakeChecker}. */
  public BotHarness checker(Checker replacement) {
    this.checker = replacement;
    return this;
  }

  /** Makes these users admins (as {@code KONTEKST_ADMINS} does), who hold every role. */
  public BotHarness admins(long... userIds) {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (long id : userIds) ids.add(id);
    this.admins = java.util.Set.copyOf(ids);
    return this;
  }

  /** Fetches /add's pages with {@code replacement} (a test's address policy and resolver). */
  public BotHarness fetcher(org.kontekst.knowledge.ingest.PageFetcher replacement) {
    this.fetcher = replacement;
    return this;
  }

  /** The conversation of the running bot. */
  public Conversation conversation() {
    return conversation;
  }

  public BotHarness start() throws Exception {
    connection = TelegramConnection.open(config);
    BotMetrics metrics = new BotMetrics(registry);
    Conversation conversation =
        Conversation.assemble(
            new Conversation.Parts(
                checker,
                CheckSettings.forThreshold(0.5),
                store.dataSource(),
                () -> new KnowledgeSummary(25, List.of("Example Outlet", "Outlet B"), Optional.of(Instant.parse("2025-01-02T03:04:05Z"))),
                new ChatAdmins(connection.client()),
                connection.username(),
                metrics,
                Clock.systemUTC(),
                Ticker.systemTicker())
                .withCuration(new Conversation.CurationParts(
                    admins, store.articles(), fetcher,
                    org.kontekst.knowledge.language.LanguageDetector.standard(), articles -> {},
                    Wording.withStore(store.dataSource()), org.kontekst.bot.curation.AliasCuration.none()))
                .withContext(contextWriter, new ChatTyping(connection.client())));
    bot =
        TelegramBot.start(
            connection, conversation.router(), conversation.commands(), conversation.texts(),
            conversation.state(), conversation.queue().outbox(), metrics, Ticker.systemTicker());
    conversation.background().deliverTo(bot.followUps());
    this.conversation = conversation;
    return this;
  }

  /** Stops the bot (draining), keeping the fake server and the database. */
  public void stopBot() {
    if (conversation != null) {
      conversation.close();
    }
    if (bot != null) {
      bot.close();
      bot = null;
    }
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  public void send(JsonNode update) {
    api.enqueue(update);
  }

  /** Waits until every update up to {@code updateId} is processed (replies sent). */
  public void awaitProcessed(int updateId) throws InterruptedException {
    BotState state = new BotState(store.dataSource());
    long deadline = System.currentTimeMillis() + 10_000;
    while (state.lastUpdateId() < updateId && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    if (state.lastUpdateId() < updateId) {
      throw new AssertionError("update " + updateId + " was not processed; last is " + state.lastUpdateId());
    }
  }

  /** The signer the bot uses, to forge nothing but build valid button data in tests. */
  public Signer signer() {
    return new Signer(new BotState(store.dataSource()).secret());
  }

  public List<FakeBotApi.Call> awaitMessages(int count) throws InterruptedException {
    return api.await("sendMessage", count, Duration.ofSeconds(10));
  }

  /**
   * The non-daemon threads of ours (ours, OkHttp's, the JDK HTTP server's) still alive a moment
   * after everything was closed: they would keep the JVM from exiting.
   */
  public static List<String> threadsLeft() throws InterruptedException {
    Thread.sleep(200);
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .map(Thread::getName)
        .filter(n -> n.startsWith("kontekst") || n.contains("OkHttp") || n.startsWith("HTTP-Dispatcher"))
        .toList();
  }

  @Override
  public void close() {
    stopBot();
    api.close();
    store.close();
  }
}
