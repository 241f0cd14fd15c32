package org.kontekst.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook side of the fake Telegram: POSTs updates to a bot's webhook URL as Telegram does,
 * with the {@code X-Telegram-Bot-Api-Secret-Token} header, over at most {@code maxConnections}
 * connections at once, and delivers each again after a non-2xx answer or a timeout (backing off
 * from 100 ms to 2 s) until one is accepted or the pusher closes. It records every attempt. Given
 * several URLs it takes them in turn, attempt by attempt, as a load balancer in front of several
 * instances would (a retry goes to the next one).
 */
public final class WebhookPusher implements AutoCloseable {
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  /** What became of one pushed update so far. */
  public static final class Delivery {
    private final int updateId;
    private final long firstNanos;
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private volatile long acceptedNanos;

    private Delivery(int updateId, long firstNanos) {
      this.updateId = updateId;
      this.firstNanos = firstNanos;
    }

    public int updateId() {
      return updateId;
    }

    /** When it was first handed to the pusher ({@code System.nanoTime()}). */
    public long firstNanos() {
      return firstNanos;
    }

    /** When a 2xx answer came, or 0. */
    public long acceptedNanos() {
      return acceptedNanos;
    }

    /** The HTTP status of each attempt, 0 for a timeout or a network error. */
    public List<Integer> statuses() {
      return List.copyOf(statuses);
    }

    public boolean accepted() {
      return acceptedNanos != 0;
    }
  }

  private final List<URI> urls;
  private final AtomicInteger turn = new AtomicInteger();
  private final String secret;
  private final Duration timeout;
  private final HttpClient http;
  private final ExecutorService connections;
  private final ScheduledExecutorService retries;
  private final Map<Integer, Delivery> deliveries = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();

  private WebhookPusher(List<URI> urls, String secret, int maxConnections, Duration timeout) {
    this.urls = List.copyOf(urls);
    if (this.urls.isEmpty()) {
      throw new IllegalArgumentException("at least one webhook URL is needed");
    }
    this.secret = secret;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    AtomicInteger n = new AtomicInteger();
    this.connections =
        Executors.newFixedThreadPool(
            maxConnections,
            r -> {
              Thread t = new Thread(r, "fake-webhook-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fake-webhook-retry");
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /**
   * Starts pushing to {@code url}; {@code secret} may be {@code null} (no header sent).
   *
   * @param maxConnections deliveries in flight at once, as setWebhook's {@code max_connections}
   * @param timeout how long one attempt may take before it counts as failed
   */
  public static WebhookPusher start(List<URI> urls, String secret, int maxConnections, Duration timeout) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
    }
    return new WebhookPusher(urls, secret, maxConnections, timeout);
  }

  public List<URI> urls() {
    return urls;
  }

  public String secret() {
    return secret;
  }

  /** Delivers {@code update} (again, if it was pushed before: a repeated delivery). */
  public void push(JsonNode update) {
    int id = update.path("update_id").asInt();
    Delivery delivery = deliveries.computeIfAbsent(id, k -> new Delivery(k, System.nanoTime()));
    byte[] body = update.toString().getBytes(StandardCharsets.UTF_8);
    submit(() -> attempt(delivery, body, 1));
  }

  private void submit(Runnable task) {
    try {
      connections.execute(task);
    } catch (RejectedExecutionException e) {
      // closed: the fake Telegram is gone, so is the delivery
    }
  }

  private void attempt(Delivery delivery, byte[] body, int attempt) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(urls.get(Math.floorMod(turn.getAndIncrement(), urls.size())))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (secret != null) {
      request.header(SECRET_HEADER, secret);
    }
    int status;
    try {
      status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      status = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    delivery.statuses.add(status);
    if (status >= 200 && status < 300) {
      if (delivery.acceptedNanos == 0) {
        delivery.acceptedNanos = System.nanoTime();
      }
      accepted.incrementAndGet();
      return;
    }
    long backoff = Math.min(FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 8), MAX_BACKOFF.toMillis());
    try {
      retries.schedule(() -> submit(() -> attempt(delivery, body, attempt + 1)), backoff, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  /** Accepted deliveries so far (a repeated delivery of one update counts again). */
  public int accepted() {
    return accepted.get();
  }

  /** Waits until {@code count} deliveries were accepted; false on timeout. */
  public boolean awaitAccepted(int count, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (accepted.get() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Every update pushed so far, by update id. */
  public Map<Integer, Delivery> deliveries() {
    return Map.copyOf(deliveries);
  }

  /** Stops delivering; deliveries not yet accepted are dropped. */
  @Override
  public void close() {
    retries.shutdownNow();
    connections.shutdownNow();
    try {
      connections.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
