package org.kontekst.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher over HTTPS against a local server with a self-signed certificate that only this
 * test trusts, given to the fetcher through its {@link SSLSocketFactory} parameter (production
 * uses the JDK's trust store; nothing turns verification off). Every hop of a redirect chain, in
 * either scheme, goes through the address policy, and the limits hold over TLS as over plain HTTP.
 */
class PageFetcherHttpsTest {
  private static final String PAGE =
      "<!doctype html><html lang=\"en\"><head><title>Secure page</title></head><body><article><p>"
          + "Text of an article served over HTTPS.</p></article></body></html>";

  @TempDir static Path keys;
  private static SelfSignedTls tls;

  private final ExecutorService handlers = Executors.newFixedThreadPool(4, daemon());
  private final List<Socket> stalled = new CopyOnWriteArrayList<>();
  private HttpsServer https;
  private HttpServer http;
  private ServerSocket silent;
  private PageFetcher fetcher;

  @BeforeAll
  static void certificate() throws Exception {
    tls = SelfSignedTls.create(keys, List.of("dns:news.test", "dns:stall.test"));
  }

  @BeforeEach
  void start() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    https = HttpsServer.create(new InetSocketAddress(loopback, 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(tls.server));
    http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);

    https.createContext("/news", e -> send(e, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8)));
    https.createContext("/file.pdf", e -> send(e, 200, "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    https.createContext("/huge", e -> {
      e.getResponseHeaders().add("Content-Type", "text/html");
      e.sendResponseHeaders(200, 0); // chunked, no length: only the cap stops it
      try (OutputStream out = e.getResponseBody()) {
        byte[] chunk = "<p>padding padding padding padding padding padding</p>\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        for (int written = 0; written < (6 << 20); written += chunk.length) out.write(chunk);
      } catch (IOException closedByClient) {
        // expected: the fetcher hangs up at the cap
      }
    });
    https.createContext("/slow", e -> {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
      send(e, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
    });
    https.createContext("/to-private", e -> redirect(e, "https://intranet.test:" + httpsPort() + "/news"));
    https.createContext("/to-metadata", e -> redirect(e, "http://169.254.169.254/latest/meta-data/"));
    https.createContext("/to-loopback-v6", e -> redirect(e, "https://[::1]:" + httpsPort() + "/news"));
    http.createContext("/go-secure", e -> redirect(e, "https://news.test:" + httpsPort() + "/news"));
    http.createContext("/hop", e -> redirect(e, "https://news.test:" + httpsPort() + "/to-private"));
    https.setExecutor(handlers);
    http.setExecutor(handlers);
    https.start();
    http.start();

    // Accepts connections and never says a word: a TLS handshake that never completes.
    silent = new ServerSocket(0, 10, loopback);
    handlers.execute(() -> {
      try {
        while (!silent.isClosed()) stalled.add(silent.accept());
      } catch (IOException closed) {
        // the test is over
      }
    });

    PageFetcher.Resolver dns = host -> switch (host) {
      case "news.test", "other.test", "stall.test" -> new InetAddress[] {loopback};
      case "intranet.test" -> new InetAddress[] {InetAddress.getByName("192.168.1.20")};
      default -> {
        if (host.matches("[0-9.]+") || host.contains(":")) yield InetAddress.getAllByName(host);
        throw new UnknownHostException(host);
      }
    };
    fetcher = new PageFetcher(
        AddressPolicy.publicOnly().alsoAllowing(Set.of(loopback)), dns,
        new FetchLimits(Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofSeconds(2), 2L << 20, 5),
        tls.client.getSocketFactory());
  }

  @AfterEach
  void stop() throws IOException {
    https.stop(0);
    http.stop(0);
    silent.close();
    for (Socket s : stalled) s.close();
    handlers.shutdownNow();
  }

  private int httpsPort() {
    return https.getAddress().getPort();
  }

  private String secure(String path) {
    return "https://news.test:" + httpsPort() + path;
  }

  private String plain(String path) {
    return "http://news.test:" + http.getAddress().getPort() + path;
  }

  private FetchException.Reason failure(String url) {
    return assertThrows(FetchException.class, () -> fetcher.fetch(url), url).reason();
  }

  @Test
  void should_fetch_a_page_over_https_from_a_server_whose_certificate_it_trusts() throws Exception {
    FetchedPage page = fetcher.fetch(secure("/news"));

    assertEquals(secure("/news"), page.url().toString());
    assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("served over HTTPS"));
    assertEquals("utf-8", page.charset());
  }

  @Test
  void should_follow_a_redirect_from_http_to_https_and_end_on_the_secure_address() throws Exception {
    FetchedPage page = fetcher.fetch(plain("/go-secure"));

    assertEquals(secure("/news"), page.url().toString());
  }

  @Test
  void should_check_every_hop_of_a_redirect_chain_against_the_address_policy() {
    FetchException direct = assertThrows(FetchException.class, () -> fetcher.fetch(secure("/to-private")));
    FetchException twoHops = assertThrows(FetchException.class, () -> fetcher.fetch(plain("/hop")));

    assertEquals(FetchException.Reason.BLOCKED_ADDRESS, direct.reason());
    assertEquals("intranet.test", direct.detail());
    assertEquals(FetchException.Reason.BLOCKED_ADDRESS, twoHops.reason());
    assertEquals("intranet.test", twoHops.detail());
    assertEquals(FetchException.Reason.BLOCKED_ADDRESS, failure(secure("/to-metadata")));
    assertEquals(FetchException.Reason.BLOCKED_ADDRESS, failure(secure("/to-loopback-v6")));
  }

  @Test
  void should_stop_a_huge_page_at_the_size_limit() {
    assertEquals(FetchException.Reason.TOO_BIG, failure(secure("/huge")));
  }

  @Test
  void should_refuse_what_is_not_a_web_page() {
    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(secure("/file.pdf")));

    assertEquals(FetchException.Reason.NOT_HTML, e.reason());
    assertEquals("application/pdf", e.detail());
  }

  @Test
  void should_give_up_on_a_slow_server() {
    assertEquals(FetchException.Reason.TIMEOUT, failure(secure("/slow")));
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // it used to wait forever
  void should_give_up_on_a_server_that_never_completes_the_tls_handshake() {
    assertEquals(FetchException.Reason.TIMEOUT, failure("https://stall.test:" + silent.getLocalPort() + "/"));
  }

  @Test
  void should_refuse_a_certificate_for_another_name() {
    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch("https://other.test:" + httpsPort() + "/news"));

    assertEquals(FetchException.Reason.TLS, e.reason());
    assertEquals("other.test", e.detail());
  }

  @Test
  void should_refuse_a_certificate_that_the_default_trust_store_does_not_know() throws Exception {
    PageFetcher strict = new PageFetcher(
        AddressPolicy.publicOnly().alsoAllowing(Set.of(InetAddress.getByName("127.0.0.1"))),
        host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")},
        new FetchLimits(Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofSeconds(2), 2L << 20, 5),
        (SSLSocketFactory) SSLSocketFactory.getDefault());

    FetchException e = assertThrows(FetchException.class, () -> strict.fetch(secure("/news")));

    assertEquals(FetchException.Reason.TLS, e.reason());
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

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "https-test-server");
      t.setDaemon(true);
      return t;
    };
  }
}
