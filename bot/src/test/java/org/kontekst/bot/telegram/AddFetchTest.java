package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;
import org.kontekst.knowledge.ingest.AddressPolicy;
import org.kontekst.knowledge.ingest.FetchLimits;
import org.kontekst.knowledge.ingest.PageFetcher;

/**
 * /add URL through the fake Bot API: the bot answers at once that it is fetching, keeps handling
 * other updates while the page server holds the request, and sends the result as a second message
 * answering the same /add; too many fetches per person or in all are refused politely.
 */
class AddFetchTest {
  private static final long CURATOR_A = 501;
  private static final long CURATOR_B = 502;
  private static final long CURATOR_C = 503;
  private static final String PAGE = """
      <!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta property="og:title" content="Grain corridor shipped 30 million tonnes in its first year">
      <meta property="og:site_name" content="Example News"></head><body><article>
      <p>Ships leaving Odesa's ports carried more than 30 million tonnes of grain and other food to
      Africa, Asia and Europe in the first year of the Black Sea corridor, officials said on Monday.</p>
      <p>The route kept working despite Russian attacks on port infrastructure and threats to shipping.</p>
      </article></body></html>
      """;

  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Semaphore arrived = new Semaphore(0);
  private HttpServer pages;
  private BotHarness harness;
  private int messageId = 10;

  @BeforeEach
  void start() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    pages = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    pages.createContext("/held/", e -> {
      arrived.release();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
      send(e, 200, PAGE);
    });
    pages.createContext("/gone", e -> send(e, 404, "<p>not here</p>"));
    pages.setExecutor(handlers);
    pages.start();
    PageFetcher.Resolver dns = host -> {
      if (host.equals("news.test")) return new InetAddress[] {loopback};
      throw new UnknownHostException(host);
    };
    PageFetcher fetcher = new PageFetcher(
        AddressPolicy.publicOnly().alsoAllowing(Set.of(loopback)), dns,
        new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(25), Duration.ofSeconds(30), 2L << 20, 5),
        (SSLSocketFactory) SSLSocketFactory.getDefault());
    harness = new BotHarness().admins(CURATOR_A, CURATOR_B, CURATOR_C).fetcher(fetcher).start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    harness.close();
    pages.stop(0);
    handlers.shutdownNow();
  }

  private String url(String path) {
    return "http://news.test:" + pages.getAddress().getPort() + path;
  }

  /** Sends a private message; returns its update id. */
  private int say(long user, int message, String text) {
    int id = harness.api.nextUpdateId();
    harness.send(Updates.privateMessage(message, user).from(user, "en").text(text).update(id));
    return id;
  }

  private List<FakeBotApi.Call> await(Predicate<String> text, int count) throws InterruptedException {
    List<FakeBotApi.Call> found =
        harness.api.await(c -> c.method().equals("sendmessage") && text.test(c.text()), count, Duration.ofSeconds(15));
    assertEquals(count, found.size(), FakeBotApi.describe(harness.api.calls("sendMessage")));
    return found;
  }

  private static int answers(FakeBotApi.Call call) {
    return call.body().path("reply_parameters").path("message_id").asInt();
  }

  @Test
  void should_answer_at_once_keep_handling_updates_while_fetching_and_send_the_result_later() throws Exception {
    int add = say(CURATOR_A, 77, "/add " + url("/held/grain"));
    assertTrue(arrived.tryAcquire(15, TimeUnit.SECONDS), "the page server saw no request");

    FakeBotApi.Call fetching = await(t -> t.startsWith("Fetching "), 1).get(0);
    harness.awaitProcessed(add);
    int help = say(CURATOR_B, 5, "/help");
    harness.awaitProcessed(help);
    List<FakeBotApi.Call> whileHeld = harness.api.calls("sendMessage");
    release.countDown();
    FakeBotApi.Call added = await(t -> t.startsWith("Added and published: "), 1).get(0);

    assertEquals("Fetching " + url("/held/grain") + "… I'll answer here when I have read it.", fetching.text());
    assertEquals(77, answers(fetching));
    assertTrue(whileHeld.stream().anyMatch(c -> c.text().startsWith("<b>How to use Kontekst</b>")), FakeBotApi.describe(whileHeld));
    assertTrue(whileHeld.stream().noneMatch(c -> c.text().startsWith("Added")), "the result came before the page");
    assertEquals(77, answers(added));
    assertEquals(CURATOR_A, added.chatId());
    assertTrue(added.text().contains("Grain corridor shipped 30 million tonnes in its first year"), added.text());
    assertEquals(List.of("Grain corridor shipped 30 million tonnes in its first year"),
        harness.store.articles().all().stream().map(a -> a.title()).toList());
  }

  @Test
  void should_send_a_fetch_failure_as_the_follow_up() throws Exception {
    say(CURATOR_A, 78, "/add " + url("/gone"));

    FakeBotApi.Call failed = await(t -> t.startsWith("The site answered with error 404."), 1).get(0);

    assertEquals(78, answers(failed));
    await(t -> t.startsWith("Fetching "), 1);
    assertEquals(List.of(), harness.store.articles().all());
  }

  @Test
  void should_refuse_a_third_fetch_of_one_person_and_a_fifth_in_all_until_some_finish() throws Exception {
    for (int i = 0; i < 3; i++) {
      harness.awaitProcessed(say(CURATOR_A, messageId++, "/add " + url("/held/a" + i)));
    }
    for (int i = 0; i < 2; i++) {
      harness.awaitProcessed(say(CURATOR_B, messageId++, "/add " + url("/held/b" + i)));
    }
    harness.awaitProcessed(say(CURATOR_C, messageId++, "/add " + url("/held/c")));

    List<FakeBotApi.Call> fetching = await(t -> t.startsWith("Fetching "), 4);
    List<FakeBotApi.Call> personBusy = await(t -> t.startsWith("You already have links being fetched."), 1);
    List<FakeBotApi.Call> allBusy = await(t -> t.startsWith("I'm fetching too many links right now."), 1);
    release.countDown();
    List<FakeBotApi.Call> added = await(t -> t.startsWith("Added and published: "), 4);
    int after = say(CURATOR_C, messageId++, "/add " + url("/held/c-again"));

    assertEquals(CURATOR_A, personBusy.get(0).chatId());
    assertEquals("You already have links being fetched. Wait for their answers, then send /add " + url("/held/a2") + " again.",
        personBusy.get(0).text());
    assertEquals(CURATOR_C, allBusy.get(0).chatId());
    assertEquals(Set.of(CURATOR_A, CURATOR_B), Set.copyOf(fetching.stream().map(FakeBotApi.Call::chatId).toList()));
    assertEquals(4, added.size());
    harness.awaitProcessed(after);
    await(t -> t.startsWith("Fetching " + url("/held/c-again")), 1);
  }

  private static void send(HttpExchange e, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    e.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    e.sendResponseHeaders(status, body.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(body);
    }
  }
}
