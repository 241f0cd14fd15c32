package org.kontekst.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.kontekst.knowledge.lifecycle.ExecutorStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoint: the JDK's HTTP server on a bounded executor of its own. Telegram posts one
 * update per request; it is answered 200 only once the inbox holds it, and anything else Telegram
 * delivers again. The JDK server rather than TelegramBots' webhook module, which brings Javalin and
 * Jetty: one path and one health check need no web framework, and TLS ends at the proxy in front
 * (nginx), as Telegram only talks to ports 443, 80, 88 and 8443.
 *
 * <p>Checks, in order: the path (404), the method (405), the secret header compared in constant
 * time (401), the size (413), the JSON and its {@code update_id} (400); a store failure is 503.
 * {@code GET /healthz} answers 200 while the instance takes updates, 503 while it starts or stops,
 * for the load balancer.
 */
final class WebhookServer implements AutoCloseable {
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
  private static final int THREADS = 8;
  /** How much of a body too long is read and dropped before the 413. */
  private static final long DRAIN_LIMIT = 16L << 20;

  /** Takes a well-formed update; throws when it cannot be recorded. */
  @FunctionalInterface
  interface Intake {
    void receive(long updateId, String json);
  }

  private final WebhookConfig config;
  private final Intake intake;
  private final BooleanSupplier ready;
  private final BotMetrics metrics;
  private final byte[] secret;
  private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final AtomicInteger active = new AtomicInteger();

  private WebhookServer(WebhookConfig config, Intake intake, BooleanSupplier ready, BotMetrics metrics)
      throws IOException {
    this.config = config;
    this.intake = Objects.requireNonNull(intake, "intake");
    this.ready = Objects.requireNonNull(ready, "ready");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.secret = config.secret().getBytes(StandardCharsets.UTF_8);
    AtomicInteger n = new AtomicInteger();
    // Bounded: when every thread is busy and the queue full, the server's own thread handles the
    // request, which stops it accepting more until then (backpressure instead of a pile-up).
    this.executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64),
            r -> new Thread(r, "kontekst-webhook-" + n.incrementAndGet()),
            new ThreadPoolExecutor.CallerRunsPolicy());
    try {
      this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new IOException("cannot listen for the webhook on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Listens on the configured address.
   *
   * @throws IOException when the address cannot be bound
   */
  static WebhookServer start(WebhookConfig config, Intake intake, BooleanSupplier ready, BotMetrics metrics)
      throws IOException {
    WebhookServer server = new WebhookServer(config, intake, ready, metrics);
    server.server.start();
    return server;
  }

  /** The port it listens on (the one picked when the configuration said 0). */
  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) {
    active.incrementAndGet();
    try (exchange) {
      int status = status(exchange);
      metrics.webhookRequest(status);
      respond(exchange, status, status == 200 && isHealth(exchange) ? "ok\n" : "");
    } catch (IOException e) {
      log.debug("webhook request cut short: {}", e.toString());
    } catch (RuntimeException e) {
      log.error("webhook request failed", e);
    } finally {
      active.decrementAndGet();
    }
  }

  private int status(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    if (isHealth(exchange)) {
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        return 405;
      }
      return ready.getAsBoolean() ? 200 : 503;
    }
    if (!config.path().equals(path)) {
      return 404;
    }
    if (!method.equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      return 405;
    }
    String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
    if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
      return 401;
    }
    byte[] body = readAtMost(exchange, config.maxBodyBytes());
    if (body == null) {
      return 413;
    }
    JsonNode update;
    try {
      update = json.readTree(body);
    } catch (JsonProcessingException e) {
      return 400;
    }
    JsonNode id = update == null ? null : update.get("update_id");
    if (id == null || !id.isIntegralNumber() || !id.canConvertToInt() || id.asInt() < 0) {
      return 400;
    }
    if (!ready.getAsBoolean()) {
      return 503;
    }
    try {
      intake.receive(id.asLong(), json.writeValueAsString(update));
      return 200;
    } catch (RuntimeException e) {
      log.error("update {} could not be recorded; Telegram will deliver it again", id.asLong(), e);
      return 503;
    }
  }

  private static boolean isHealth(HttpExchange exchange) {
    return WebhookConfig.HEALTH_PATH.equals(exchange.getRequestURI().getRawPath());
  }

  /**
   * The body, or {@code null} when it is longer than {@code limit} bytes. A body too long is read
   * and dropped up to {@link #DRAIN_LIMIT}, so that the client reads the 413 rather than a reset
   * connection; beyond that the connection is dropped.
   */
  private static byte[] readAtMost(HttpExchange exchange, int limit) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      byte[] body = length != null && tooLong(length, limit) ? null : in.readNBytes(limit + 1);
      if (body != null && body.length <= limit) {
        return body;
      }
      long dropped = 0;
      byte[] buffer = new byte[64 * 1024];
      for (int n; dropped < DRAIN_LIMIT && (n = in.read(buffer)) > 0; ) {
        dropped += n;
      }
      return null;
    }
  }

  private static boolean tooLong(String contentLength, int limit) {
    try {
      return Long.parseLong(contentLength.strip()) > limit;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, bytes.length == 0 || head ? -1 : bytes.length);
    if (bytes.length > 0 && !head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /**
   * Stops taking requests, letting those being handled finish for up to a second. Call it once the
   * readiness check says no: requests arriving meanwhile get 503, and Telegram delivers them again
   * (nginx tries the next instance).
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    try {
      while (active.get() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // JDK 17's stop(delay) waits out the whole delay even when idle, hence the wait above.
    server.stop(0);
    ExecutorStop.interruptingAfter(executor, Duration.ofSeconds(5));
  }

  /** Stops at once, as if the process died (tests). */
  void kill() {
    server.stop(0);
    executor.shutdownNow();
  }
}
