package org.kontekst.bot.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kontekst.bot.telegram.SendLimits;
import org.kontekst.bot.telegram.WebhookConfig;
import org.kontekst.knowledge.ingest.ArticleImporter;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.PostgresServer;
import org.kontekst.knowledge.store.StoreConfig;

/**
 * The multi-instance proof: a throwaway PostgreSQL holding the demo knowledge base, two or three
 * {@code kontekst bot --webhook} instances as separate JVMs on it, nginx in front of them, and the
 * fake Telegram pushing updates through nginx at a steady rate (posts that match the knowledge
 * base, posts that do not, commands; each in a chat of its own, so that every reply names the
 * update it answers). Optionally sendMessage fails a fraction of the time (429 with retry_after,
 * 500, 502), and one instance is killed with SIGKILL half-way and started again a few seconds
 * later. The fake Telegram then counts: every update answered, none twice, except where an
 * instance reported an ambiguous send ({@code kontekst_sends_ambiguous_total}).
 */
public final class ClusterBenchmark {
  private static final String TOKEN = "1:CLUSTER";
  private static final String SECRET = "cluster_secret";
  private static final long FIRST_CHAT = 50_000_000L;
  private static final Duration START_WAIT = Duration.ofSeconds(120);
  /** How long answers may take after the last push (covers the 30 s lease after a kill). */
  private static final Duration SETTLE_WAIT = Duration.ofSeconds(180);
  /** After everything is answered and the tables are empty: time for a late duplicate to show. */
  private static final Duration QUIET = Duration.ofSeconds(3);
  private static final List<String> TEXTS =
      List.of(
          "Путін і Кім Чен Ин підписали в Пхеньяні договір про всеосяжне стратегічне партнерство.",
          "MH17 was shot down by a Ukrainian jet over Donetsk region, not by a Buk missile from Russia.",
          "/help",
          "Каховську ГЕС підірвали ЗСУ, а не російські війська, Нова Каховка під водою.",
          "Our cat Murzik learned to open the fridge and ate all the cheese on Sunday.",
          "Буча — постановка, тіла на Яблунській вулиці підкинули після відходу російських військ.",
          "/start",
          "Завтра в Києві сонячно, до +18, вітер слабкий, опадів не очікується.");

  private ClusterBenchmark() {}

  /**
   * What to run.
   *
   * @param rate updates pushed per second
   * @param failureRate the fraction of sendMessage calls the fake Telegram fails (0 to 1)
   * @param kill whether one instance is killed with SIGKILL half-way and started again
   * @param restartAfter how long the killed instance stays down
   * @param telegramLatency how long the fake Telegram takes to answer sendMessage (it carries the
   *     call out on arrival): replies are in flight when the instance dies, as they would be
   * @param heap each instance's maximum heap ({@code -Xmx}), e.g. {@code 256m}
   */
  public record Options(
      int instances,
      int updates,
      int rate,
      double failureRate,
      boolean kill,
      Duration restartAfter,
      Duration telegramLatency,
      Path kb,
      String heap) {
    public Options {
      if (instances < 1 || instances > 8) {
        throw new IllegalArgumentException("instances must be 1-8: " + instances);
      }
      if (updates < 1) {
        throw new IllegalArgumentException("updates must be at least 1: " + updates);
      }
      if (rate < 1) {
        throw new IllegalArgumentException("the rate must be at least 1 update/s: " + rate);
      }
      if (!(failureRate >= 0 && failureRate <= 1)) {
        throw new IllegalArgumentException("the failure rate must be in [0, 1]: " + failureRate);
      }
      if (kill && instances < 2) {
        throw new IllegalArgumentException("killing an instance needs at least 2 instances");
      }
      if (restartAfter == null || restartAfter.isNegative()) {
        throw new IllegalArgumentException("restartAfter must not be negative: " + restartAfter);
      }
      if (telegramLatency == null || telegramLatency.isNegative() || telegramLatency.toSeconds() > 10) {
        throw new IllegalArgumentException("the Telegram latency must be 0-10 s: " + telegramLatency);
      }
      if (heap == null || !heap.matches("[0-9]+[mMgG]")) {
        throw new IllegalArgumentException("heap must look like 256m: " + heap);
      }
    }
  }

  /**
   * What the fake Telegram counted.
   *
   * @param answered updates with at least one accepted reply
   * @param duplicated accepted replies beyond the first with the same chat, replied-to message and text
   * @param ambiguous sends the instances themselves reported as possibly repeated
   * @param stray accepted replies that answer no update that was pushed
   * @param throughput updates answered per second, from the first push to the last reply
   * @param sustained updates answered per second while they were being pushed
   * @param orphans updates acknowledged but not yet answered when the instance was killed
   * @param recoverySeconds from the kill until the last of those was answered and the last call
   *     taken over from the killed instance was sent again
   * @param takenOver inbox rows and outbox updates taken over from the killed instance
   * @param killExit the killed process's exit status (137: SIGKILL), or -1 without a kill
   */
  public record Result(
      Options options,
      int sent,
      int answered,
      int lost,
      int duplicated,
      int ambiguous,
      int stray,
      double throughput,
      double sustained,
      double p50Millis,
      double p99Millis,
      int orphans,
      double recoverySeconds,
      int takenOver,
      int killExit,
      double seconds) {

    /** No loss, no stray reply, and no more duplicates than the instances reported as ambiguous. */
    public boolean ok() {
      return lost == 0 && stray == 0 && duplicated <= ambiguous;
    }
  }

  /** Whether PostgreSQL and nginx are installed; empty if so, else why not. */
  public static Optional<String> missing() {
    if (PostgresServer.binaries().isEmpty()) {
      return Optional.of(PostgresServer.MISSING);
    }
    if (NginxProxy.binary().isEmpty()) {
      return Optional.of(NginxProxy.MISSING);
    }
    return Optional.empty();
  }

  /**
   * Runs the proof once, printing progress to {@code progress}. The work directory (logs of every
   * process) is deleted after a run that passed and kept, with its path printed, after one that
   * did not.
   */
  public static Result run(Options options, PrintStream progress) throws Exception {
    Optional<String> missing = missing();
    if (missing.isPresent()) {
      throw new IllegalStateException(missing.get());
    }
    Path work = Files.createTempDirectory("kontekst-cluster-");
    boolean passed = false;
    try (PostgresServer postgres = PostgresServer.start(PostgresServer.binaries().orElseThrow());
        FakeBotApi api = FakeBotApi.start(TOKEN, 64)) {
      String dbUrl = postgres.createDatabase();
      try (KnowledgeStore store = KnowledgeStore.open(new StoreConfig(work.resolve("import"), dbUrl, postgres.user(), null))) {
        new ArticleImporter(store.articles(), LanguageDetector.standard()).importPaths(List.of(options.kb()));
      }
      BotProcess.Shared shared = new BotProcess.Shared(api.url(), TOKEN, SECRET, dbUrl, postgres.user(), options.heap());
      Cluster cluster = new Cluster(shared, work);
      try {
        for (int i = 0; i < options.instances(); i++) {
          cluster.start(i);
        }
        for (BotProcess instance : cluster.instances) {
          instance.awaitHealthy(START_WAIT);
        }
        progress.printf("%d instances up (pids %s)%n", options.instances(), cluster.pids());
        try (NginxProxy nginx =
            NginxProxy.start(
                NginxProxy.binary().orElseThrow(), work.resolve("nginx"), freePort(), WebhookConfig.DEFAULT_PATH,
                cluster.ports)) {
          api.setWebhook(
              List.of(URI.create("http://127.0.0.1:" + nginx.port() + WebhookConfig.DEFAULT_PATH)), SECRET,
              WebhookConfig.DEFAULT_MAX_CONNECTIONS);
          api.delay("sendMessage", options.telegramLatency());
          if (options.failureRate() > 0) {
            api.failRandomly("sendMessage", options.failureRate(), 7);
          }
          Result result = new Run(options, api, cluster, dbUrl, postgres.user(), progress).call();
          passed = result.ok();
          return result;
        }
      } finally {
        cluster.close();
      }
    } finally {
      if (passed) {
        WebhookBenchmark.delete(work);
      } else {
        progress.println("processes' logs kept in " + work);
      }
    }
  }

  /** The instances, by index; a restarted one takes the place of the killed one. */
  private static final class Cluster implements AutoCloseable {
    private final BotProcess.Shared shared;
    private final Path work;
    private final List<BotProcess> instances = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<Integer> metricsPorts = new ArrayList<>();

    Cluster(BotProcess.Shared shared, Path work) {
      this.shared = shared;
      this.work = work;
    }

    void start(int index) throws IOException {
      if (index == instances.size()) {
        ports.add(freePort());
        metricsPorts.add(freePort());
        instances.add(null);
      }
      String name = "instance-" + (index + 1);
      BotProcess process =
          BotProcess.start(name, shared, work.resolve(name), ports.get(index), metricsPorts.get(index), work.resolve(name + ".log"));
      instances.set(index, process);
    }

    String pids() {
      return instances.stream().map(p -> String.valueOf(p.pid())).toList().toString();
    }

    /** A counter summed over the live instances. */
    double counter(String name, String... labels) throws IOException, InterruptedException {
      double sum = 0;
      for (BotProcess p : instances) {
        if (p.isAlive()) {
          sum += p.counter(name, labels);
        }
      }
      return sum;
    }

    @Override
    public void close() {
      instances.stream().filter(p -> p != null).forEach(BotProcess::close);
    }
  }

  /** One run: pushes, kills and restarts, waits, counts. */
  private static final class Run {
    private final Options options;
    private final FakeBotApi api;
    private final Cluster cluster;
    private final String dbUrl;
    private final String dbUser;
    private final PrintStream progress;
    /** The first accepted reply's arrival, by the update it answers. */
    private final Map<FakeBotApi.Answer, Long> firstReply = new ConcurrentHashMap<>();
    private final Map<FakeBotApi.Answer, Integer> updateIds = new HashMap<>();

    Run(Options options, FakeBotApi api, Cluster cluster, String dbUrl, String dbUser, PrintStream progress) {
      this.options = options;
      this.api = api;
      this.cluster = cluster;
      this.dbUrl = dbUrl;
      this.dbUser = dbUser;
      this.progress = progress;
      api.onCall(
          call -> {
            if (call.method().equals("sendmessage") && call.accepted()) {
              firstReply.putIfAbsent(new FakeBotApi.Answer(call.chatId(), call.replyTo()), call.nanoTime());
            }
          });
    }

    Result call() throws Exception {
      int killAt = options.kill() ? options.updates() / 2 : -1;
      long killNanos = 0;
      int killExit = -1;
      boolean restarted = !options.kill();
      Set<FakeBotApi.Answer> orphans = new HashSet<>();
      long start = System.nanoTime();
      for (int i = 0; i < options.updates(); i++) {
        long wait = start + (long) i * 1_000_000_000L / options.rate() - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        if (i == killAt) {
          BotProcess victim = cluster.instances.get(0);
          killExit = victim.kill();
          killNanos = System.nanoTime();
          orphans.addAll(unanswered());
          progress.printf(
              "killed %s (pid %d, exit %d) after %d updates pushed; %d acknowledged and not yet answered%n",
              victim.name(), victim.pid(), killExit, i, orphans.size());
        }
        if (!restarted && killNanos != 0 && System.nanoTime() - killNanos >= options.restartAfter().toNanos()) {
          cluster.start(0);
          restarted = true;
          progress.printf("restarted %s (pid %d)%n", cluster.instances.get(0).name(), cluster.instances.get(0).pid());
        }
        push(i);
      }
      if (!restarted) {
        Thread.sleep(Math.max(0, options.restartAfter().toMillis() - (System.nanoTime() - killNanos) / 1_000_000));
        cluster.start(0);
      }
      long pushed = System.nanoTime();
      int answeredWhilePushing = firstReply.size();
      cluster.instances.get(0).awaitHealthy(START_WAIT);
      progress.printf(
          "all %d updates pushed in %.1f s, %d answered meanwhile; waiting for the rest%n",
          options.updates(), (pushed - start) / 1e9, answeredWhilePushing);
      settle();
      return count(start, killNanos, killExit, orphans, answeredWhilePushing / ((pushed - start) / 1e9));
    }

    private void push(int i) {
      long chat = FIRST_CHAT + i;
      int messageId = i + 1;
      int updateId = api.nextUpdateId();
      Updates.MessageBuilder message =
          Updates.privateMessage(messageId, chat).from(chat, i % 2 == 0 ? "uk" : "en").text(TEXTS.get(i % TEXTS.size()));
      if (i % 3 == 0 && !TEXTS.get(i % TEXTS.size()).startsWith("/")) {
        message.forwardedFromChannel("Channel " + (i % 7), "channel" + (i % 7));
      }
      ObjectNode update = message.update(updateId);
      updateIds.put(new FakeBotApi.Answer(chat, messageId), updateId);
      api.enqueue(update);
    }

    /** Updates Telegram had an acknowledgement for and no reply to yet. */
    private List<FakeBotApi.Answer> unanswered() {
      Map<Integer, WebhookPusher.Delivery> deliveries = api.webhook().deliveries();
      return updateIds.entrySet().stream()
          .filter(e -> deliveries.containsKey(e.getValue()) && deliveries.get(e.getValue()).accepted())
          .map(Map.Entry::getKey)
          .filter(a -> !firstReply.containsKey(a))
          .toList();
    }

    /**
     * Waits until every update has a reply and the database owes nothing (no update waiting, no
     * call unsent), then a little longer for a late duplicate.
     */
    private void settle() throws Exception {
      Duration wait = SETTLE_WAIT.plus(backlog());
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline) {
        if (firstReply.keySet().containsAll(updateIds.keySet()) && owed() == 0) {
          Thread.sleep(QUIET.toMillis());
          if (owed() == 0) {
            return;
          }
        }
        Thread.sleep(200);
      }
      progress.printf("gave up waiting after %d s: %d updates or calls still owed%n", wait.toSeconds(), owed());
    }

    /**
     * How far the replies can fall behind the pushes: the instances keep to Telegram's overall send
     * limit together (through the database), so offered faster than that, and with the failed
     * sends made again, the replies queue.
     */
    private Duration backlog() {
      double sends = options.updates() * (1 + options.failureRate());
      long nanos =
          (long) (sends * SendLimits.telegram().globalInterval().toNanos() - options.updates() * 1e9 / options.rate());
      return Duration.ofNanos(Math.max(0, nanos));
    }

    private long owed() throws SQLException {
      try (Connection c = DriverManager.getConnection(dbUrl, dbUser, "");
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT (SELECT COUNT(*) FROM tg_inbox WHERE state = 'NEW') + (SELECT COUNT(*) FROM tg_outbox)")) {
        r.next();
        return r.getLong(1);
      }
    }

    private Result count(long start, long killNanos, int killExit, Set<FakeBotApi.Answer> orphans, double sustained)
        throws Exception {
      Map<FakeBotApi.Answer, Map<String, Integer>> replies = new HashMap<>();
      long lastRepeat = 0;
      for (FakeBotApi.Call call : api.calls("sendMessage")) {
        if (call.accepted()) {
          int copies =
              replies.computeIfAbsent(new FakeBotApi.Answer(call.chatId(), call.replyTo()), k -> new HashMap<>())
                  .merge(call.text(), 1, Integer::sum);
          if (copies > 1) {
            lastRepeat = Math.max(lastRepeat, call.nanoTime());
          }
        }
      }
      int answered = (int) updateIds.keySet().stream().filter(replies::containsKey).count();
      int stray = (int) replies.keySet().stream().filter(a -> !updateIds.containsKey(a)).count();
      int duplicated =
          replies.values().stream().flatMap(m -> m.values().stream()).mapToInt(n -> n - 1).sum();
      Map<Integer, WebhookPusher.Delivery> deliveries = api.webhook().deliveries();
      double[] latencies =
          updateIds.entrySet().stream()
              .filter(e -> firstReply.containsKey(e.getKey()))
              .mapToDouble(e -> (firstReply.get(e.getKey()) - deliveries.get(e.getValue()).firstNanos()) / 1e6)
              .toArray();
      long last = firstReply.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
      // Recovered when the updates left unanswered are answered and the calls taken over were sent
      // again (an accepted repeat can only come from a takeover: a failed call is not accepted).
      long recovered =
          Math.max(lastRepeat, orphans.stream().filter(firstReply::containsKey).mapToLong(firstReply::get).max().orElse(0));
      double recovery = killNanos == 0 || recovered < killNanos ? 0 : (recovered - killNanos) / 1e9;
      int takenOver =
          (int) (cluster.counter("kontekst_inbox_total", "event=\"taken_over\"")
              + cluster.counter("kontekst_outbox_takeovers_total"));
      int ambiguous = (int) cluster.counter("kontekst_sends_ambiguous_total");
      return new Result(
          options, updateIds.size(), answered, updateIds.size() - answered, duplicated, ambiguous, stray,
          answered / ((last - start) / 1e9), sustained,
          CheckBenchmark.percentile(latencies, 50), CheckBenchmark.percentile(latencies, 99),
          orphans.size(), recovery, takenOver, killExit, (System.nanoTime() - start) / 1e9);
    }
  }

  /** A table of results, one row per run. */
  public static String table(List<Result> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%-9s %-4s %-4s %6s %8s %4s %10s %9s %5s %9s %9s %7s %7s %7s %10s %8s %6s%n",
            "instances", "kill", "fail", "sent", "answered", "lost", "duplicated", "ambiguous", "stray",
            "updates/s", "sustained", "p50 ms", "p99 ms", "orphans", "taken over", "recovery", "result"));
    for (Result r : results) {
      Options o = r.options();
      out.append(
          String.format(
              "%-9d %-4s %-4s %6d %8d %4d %10d %9d %5d %9.1f %9.1f %7.0f %7.0f %7d %10d %7.1fs %6s%n",
              o.instances(), o.kill() ? "yes" : "no", Math.round(o.failureRate() * 100) + "%", r.sent(),
              r.answered(), r.lost(), r.duplicated(), r.ambiguous(), r.stray(), r.throughput(), r.sustained(),
              r.p50Millis(), r.p99Millis(), r.orphans(), r.takenOver(), r.recoverySeconds(), r.ok() ? "ok" : "FAILED"));
    }
    return out.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
