package org.kontekst.bot.command;

import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSocketFactory;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.Content;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.telegram.FakeChecker;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.ingest.AddressPolicy;
import org.kontekst.knowledge.ingest.FetchLimits;
import org.kontekst.knowledge.ingest.PageFetcher;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.TestDatabase;

/**
 * A conversation with curation on a database (in-memory H2 unless given), a local HTTP server that serves
 * article pages, redirects, huge and slow pages, and a resolver with hosts that play DNS tricks.
 * Loopback is allowed for 127.0.0.1 only, as the test's own exception to the production policy.
 */
final class CurationFixture implements AutoCloseable {
  static final long ADMIN = 1;
  static final long NOBODY = 100;
  static final long CURATOR = 200;
  static final long MODERATOR = 300;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  static final String NEWS_PAGE = """
      <!doctype html><html lang="en"><head>
      <meta charset="utf-8"><title>Putin and Kim sign pact | Example News</title>
      <meta property="og:title" content="Putin and Kim sign a mutual defence pact in Pyongyang">
      <meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2024-06-19T21:05:00+03:00">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Putin and Kim sign a mutual defence pact","datePublished":"2024-06-19T18:00:00Z",
        "publisher":{"@type":"Organization","name":"Example News Ltd"}}</script>
      </head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article>
        <h1>Putin and Kim sign a mutual defence pact</h1>
        <p>Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a treaty on a
        comprehensive strategic partnership in Pyongyang on Wednesday, pledging mutual assistance.</p>
        <p>The agreement, the strongest between the two countries since the end of the Cold War, was
        signed during Putin's first visit to North Korea in 24 years, according to state media.</p>
        <p>Analysts in Seoul said the pact could allow Moscow to obtain more artillery shells and
        ballistic missiles for its war in Ukraine, in violation of United Nations sanctions.</p>
      </article>
      <footer><p>© Example News. All rights reserved. Contact us, advertise, careers, privacy.</p></footer>
      </body></html>
      """;

  final KnowledgeStore store;
  final HttpServer server;
  final List<Article> indexed = new ArrayList<>();
  final Conversation conversation;
  /** The follow-ups of background work (/add URL's answers), as the transport would send them. */
  final BlockingQueue<List<Action>> followUps = new LinkedBlockingQueue<>();
  private final AtomicInteger messageIds = new AtomicInteger();

  CurationFixture() throws IOException {
    this(null);
  }

  /** The fixture on a fresh database of the given kind (null: in-memory H2). */
  CurationFixture(TestDatabase database) throws IOException {
    store = database == null
        ? KnowledgeStore.open("jdbc:h2:mem:curation" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1")
        : database.open();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/news/putin-kim-treaty-signed", e -> send(e, 200, "text/html; charset=utf-8", NEWS_PAGE.getBytes(StandardCharsets.UTF_8)));
    server.createContext("/short", e -> redirect(e, "/news/putin-kim-treaty-signed"));
    server.createContext("/loop", e -> redirect(e, "/loop"));
    server.createContext("/to-metadata", e -> redirect(e, "http://169.254.169.254/latest/meta-data/"));
    server.createContext("/to-private-name", e -> redirect(e, "http://intranet.test:" + port() + "/news/putin-kim-treaty-signed"));
    server.createContext("/huge", e -> {
      e.getResponseHeaders().add("Content-Type", "text/html");
      e.sendResponseHeaders(200, 0); // chunked, no length given: the cap must stop it
      try (OutputStream out = e.getResponseBody()) {
        byte[] chunk = "<p>padding padding padding padding padding padding padding padding</p>\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        for (int written = 0; written < (6 << 20); written += chunk.length) out.write(chunk);
      } catch (IOException closedByClient) {
        // expected: the fetcher hangs up at the cap
      }
    });
    server.createContext("/huge-declared", e -> {
      e.getResponseHeaders().add("Content-Type", "text/html");
      e.sendResponseHeaders(200, 50L << 20);
      e.close();
    });
    server.createContext("/file.pdf", e -> send(e, 200, "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    server.createContext("/gone", e -> send(e, 404, "text/html", "<p>not here</p>".getBytes(StandardCharsets.UTF_8)));
    server.createContext("/slow", e -> {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      send(e, 200, "text/html", NEWS_PAGE.getBytes(StandardCharsets.UTF_8));
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();

    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    PageFetcher.Resolver dns = host -> switch (host) {
      case "news.test" -> new InetAddress[] {loopback};
      case "intranet.test" -> new InetAddress[] {InetAddress.getByName("192.168.1.20")};
      case "rebind.test" -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")};
      case "mapped.test" -> new InetAddress[] {InetAddress.getByName("::ffff:10.1.2.3")};
      default -> {
        if (host.matches("[0-9.]+") || host.contains(":")) {
          yield InetAddress.getAllByName(host); // a literal address, as the system resolver answers
        }
        throw new UnknownHostException(host);
      }
    };
    PageFetcher fetcher = new PageFetcher(
        AddressPolicy.publicOnly().alsoAllowing(Set.of(loopback)), dns,
        new FetchLimits(Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofSeconds(2), 2L << 20, 5),
        (SSLSocketFactory) SSLSocketFactory.getDefault());
    conversation = Conversation.assemble(
        new Conversation.Parts(
            new FakeChecker(), CheckSettings.forThreshold(0.5), store.dataSource(),
            () -> new KnowledgeSummary(0, List.of(), Optional.empty()), (c, u) -> true, "kontekst_bot",
            CheckObserver.NONE, Clock.systemUTC(), Ticker.systemTicker())
            .withCuration(new Conversation.CurationParts(Set.of(ADMIN), store.articles(), fetcher, LanguageDetector.standard(), indexed::addAll,
                org.kontekst.knowledge.wording.Wording.withStore(store.dataSource()),
                org.kontekst.bot.curation.AliasCuration.none())));
    conversation.background().deliverTo((kind, actions) -> followUps.add(actions));
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String path) {
    return "http://news.test:" + port() + path;
  }

  /** What the bot answers a private message from {@code user}, all replies joined. */
  String say(long user, String text) {
    return say(user, text, null, ChatKind.PRIVATE);
  }

  String sayInReplyTo(long user, String text, String repliedTo) {
    return say(user, text, new Content(messageIds.incrementAndGet(), repliedTo, null, false), ChatKind.PRIVATE);
  }

  /**
   * What the bot answers; when the answer is that a page is being fetched, what it answers once the
   * fetch is done (the follow-up) instead.
   */
  String say(long user, String text, Content repliedTo, ChatKind kind) {
    long chat = kind == ChatKind.PRIVATE ? user : -1000;
    List<Action> actions = conversation.router().onMessage(
        new Incoming(chat, kind, user, "en", new Content(messageIds.incrementAndGet(), text, null, false), repliedTo, false));
    String reply = joined(actions);
    if (!reply.startsWith("Fetching ")) {
      return reply;
    }
    try {
      List<Action> later = followUps.poll(10, TimeUnit.SECONDS);
      if (later == null) {
        throw new AssertionError("no answer came after: " + reply);
      }
      return joined(later);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String joined(List<Action> actions) {
    return actions.stream().filter(a -> a instanceof Action.SendText).map(a -> ((Action.SendText) a).html()).collect(Collectors.joining("\n"));
  }

  /** Admin grants the test roles. */
  CurationFixture withRoles() {
    say(ADMIN, "/grant " + CURATOR + " curator");
    say(ADMIN, "/grant " + MODERATOR + " moderator");
    return this;
  }

  int auditCount() {
    return new org.kontekst.bot.curation.AuditLog(store.dataSource()).all().size();
  }

  private static void redirect(HttpExchange e, String location) throws IOException {
    e.getResponseHeaders().add("Location", location);
    e.sendResponseHeaders(302, -1);
    e.close();
  }

  private static void send(HttpExchange e, int status, String type, byte[] body) throws IOException {
    e.getResponseHeaders().add("Content-Type", type);
    e.sendResponseHeaders(status, body.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    conversation.close();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    store.close();
  }
}
