package org.kontekst.bot.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.kontekst.bot.command.CheckSettings;
import org.kontekst.bot.command.Conversation;
import org.kontekst.bot.command.KnowledgeSummary;
import org.kontekst.bot.telegram.BotMetrics;
import org.kontekst.bot.telegram.ChatAdmins;
import org.kontekst.bot.telegram.RetryPolicy;
import org.kontekst.bot.telegram.RunningBot;
import org.kontekst.bot.telegram.SendLimits;
import org.kontekst.bot.telegram.TelegramBot;
import org.kontekst.bot.telegram.TelegramConfig;
import org.kontekst.bot.telegram.TelegramConnection;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.store.KnowledgeStore;

/**
 * The end-to-end benchmark: forwarded posts go into the fake Bot API, the real bot (TelegramBots
 * long polling and client, the update executor, the checker, rendering, H2 writes, the send queue)
 * answers them over loopback HTTP. Latency is from the moment an update is queued on the fake
 * server to the moment its reply arrives there; Telegram's own network and its send limits are
 * left out (pacing is off, as each post comes from a different chat anyway).
 */
public final class TelegramBenchmark {
  static final String TOKEN = "1:BENCH";
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final List<String> POSTS =
      List.of(
          "BREAKING: the Kyiv regime staged the massacre in Bucha, insiders say. Share before it is deleted!",
          "Зеленський втік з країни, а ЗСУ здаються цілими бригадами. Офіційні ЗМІ мовчать про це!!!",
          "Западные СМИ скрывают: 80% украинцев поддерживают переговоры на условиях Москвы, данные опроса.",
          "The grain deal collapsed because Ukraine mined the ports, according to a source in Istanbul.",
          "Шокуючі кадри: біолабораторії США в Україні розробляли зброю проти слов'ян. Дивіться до кінця.",
          "NATO troops are already fighting near Kharkiv; thousands of mercenaries died this week alone.");

  /** What one run measured, and how many posts warmed the bot up before it. */
  public record Result(
      int posts, double postsPerSecond, double p50Millis, double p99Millis, double maxMillis, int warmUpPosts) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "%d posts: %.0f posts/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms (after %d warm-up posts)",
          posts, postsPerSecond, p50Millis, p99Millis, maxMillis, warmUpPosts);
    }
  }

  /**
   * The warm-up goes on, round after round, until the JIT compiled for less than this share of a
   * round's time (or {@link #MAX_WARM_UP_ROUNDS} rounds). On 2 cores the one C2 compiler thread
   * took 0.4 to 0.9 of a core for the first two minutes of checking distinct posts (about 10,000 of
   * them), which a bot in service no longer pays: a measurement inside that window measured the
   * JIT.
   */
  static final double SETTLED_JIT_SHARE = 0.05;

  static final int MAX_WARM_UP_ROUNDS = 30;

  private TelegramBenchmark() {}

  /**
   * Warms the bot up (rounds of {@code posts / 2} posts until the JIT settles), then offers
   * {@code posts} posts at {@code ratePerSecond} (0: all at once, to find the ceiling) and measures
   * them.
   *
   * @param checker the engine's checker (the real one in {@code kontekst bench}, a fake in tests)
   * @param threshold the engine's calibrated threshold
   */
  public static Result run(Checker checker, double threshold, int posts, int ratePerSecond) throws Exception {
    return run(checker, threshold, posts, ratePerSecond, POSTS, () -> {});
  }

  /**
   * The same with the given post texts, offered in turn. The measured run offers texts the
   * warm-up offered too, so {@code forgetAnswers} must empty the checker's cache: it runs between
   * the two, and distinct texts then really cost a check each.
   */
  public static Result run(
      Checker checker, double threshold, int posts, int ratePerSecond, List<String> texts, Runnable forgetAnswers)
      throws Exception {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("texts must not be empty");
    }
    if (posts < 10) {
      throw new IllegalArgumentException("posts must be at least 10: " + posts);
    }
    try (FakeBotApi api = FakeBotApi.start(TOKEN);
        KnowledgeStore store = KnowledgeStore.open("jdbc:h2:mem:telegram-bench-" + RUNS.incrementAndGet() + ";DB_CLOSE_DELAY=0");
        TelegramConnection connection = TelegramConnection.open(config(api))) {
      BotMetrics metrics = new BotMetrics(new SimpleMeterRegistry());
      Conversation conversation = conversation(checker, threshold, store, connection, metrics);
      try (TelegramBot bot =
          TelegramBot.start(
              connection, conversation.router(), conversation.commands(), conversation.texts(),
              conversation.state(), conversation.queue().outbox(), metrics, Ticker.systemTicker())) {
        return new Flow(api, bot, texts).warmUpAndMeasure(posts, ratePerSecond, forgetAnswers);
      }
    }
  }

  /** A bot's connection to the fake: no pacing (each post comes from its own chat), no flood limit. */
  static TelegramConfig config(FakeBotApi api) {
    return TelegramConfig.of(TOKEN, api.url().toString())
        .withPollTimeout(Duration.ofSeconds(5))
        .withLimits(SendLimits.unlimited(), RetryPolicy.standard())
        .withFlood(1_000_000, Duration.ofMinutes(1));
  }

  static Conversation conversation(
      Checker checker, double threshold, KnowledgeStore store, TelegramConnection connection, BotMetrics metrics) {
    return Conversation.assemble(
        new Conversation.Parts(
            checker, CheckSettings.forThreshold(threshold), store.dataSource(),
            () -> new KnowledgeSummary(0, List.of(), Optional.empty()),
            new ChatAdmins(connection.client()), connection.username(), metrics,
            Clock.systemUTC(), Ticker.systemTicker()));
  }

  /** Offers posts and collects the replies' arrival times (the first accepted reply per chat). */
  static final class Flow {
    private final FakeBotApi api;
    private final RunningBot bot;
    private final ConcurrentHashMap<Long, Long> queued = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Long> answered = new ConcurrentHashMap<>();
    private final AtomicLong lastReply = new AtomicLong();

    private final List<String> texts;
    private int next;

    Flow(FakeBotApi api, RunningBot bot, List<String> texts) {
      this.api = api;
      this.bot = bot;
      this.texts = texts;
      api.onCall(
          call -> {
            if (call.method().equals("sendmessage") && call.accepted()) {
              long chat = call.chatId();
              if (queued.containsKey(chat) && answered.putIfAbsent(chat, call.nanoTime()) == null) {
                lastReply.accumulateAndGet(call.nanoTime(), Math::max);
              }
            }
          });
    }

    /**
     * Offers rounds of {@code posts / 2} posts untimed until the JIT has settled (a bot that has
     * just started is slower for its first tens of seconds: the JIT, the model's second session;
     * one in service is not), forgets the answers, then measures {@code posts} posts.
     */
    Result warmUpAndMeasure(int posts, int ratePerSecond, Runnable forgetAnswers) throws InterruptedException {
      CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
      int round = Math.max(10, posts / 2);
      int rounds = 0;
      double share;
      do {
        long compiled = timed ? jit.getTotalCompilationTime() : 0;
        long start = System.nanoTime();
        offer(round, ratePerSecond, (rounds + 1) * 1_000_000L, 0);
        forgetAnswers.run(); // every round checks its posts, as the measured run will
        rounds++;
        double millis = Math.max(1, (System.nanoTime() - start) / 1e6);
        share = timed ? (jit.getTotalCompilationTime() - compiled) / millis : 0;
      } while (share > SETTLED_JIT_SHARE && rounds < MAX_WARM_UP_ROUNDS);
      return offer(posts, ratePerSecond, (MAX_WARM_UP_ROUNDS + 1) * 1_000_000L, rounds * round);
    }

    Result offer(int posts, int ratePerSecond, long firstChat, int warmedUpWith) throws InterruptedException {
      queued.clear();
      answered.clear();
      long start = System.nanoTime();
      for (int i = 0; i < posts; i++) {
        if (ratePerSecond > 0) {
          long due = start + (long) i * 1_000_000_000L / ratePerSecond;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
        long chat = firstChat + i;
        queued.put(chat, System.nanoTime());
        api.enqueue(
            Updates.privateMessage(i + 1, chat)
                .from(chat, i % 2 == 0 ? "uk" : "en")
                .text(texts.get(next++ % texts.size()))
                .forwardedFromChannel("Channel " + (i % 7), "channel" + (i % 7))
                .update(api.nextUpdateId()));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (answered.size() < posts && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      if (answered.size() < posts) {
        throw new IllegalStateException(
            "only " + answered.size() + " of " + posts + " posts were answered; " + bot.inFlight() + " in flight");
      }
      double[] latencies = queued.entrySet().stream().mapToDouble(e -> (answered.get(e.getKey()) - e.getValue()) / 1e6).sorted().toArray();
      double seconds = (lastReply.get() - start) / 1e9;
      return new Result(
          posts, posts / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
          latencies[latencies.length - 1], warmedUpWith);
    }

    private static double percentile(double[] sorted, double p) {
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }

}
