package org.kontekst.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A fake Telegram Bot API server: real HTTP on 127.0.0.1, a random port. It answers getMe for one
 * token (others get 401), serves queued updates to getUpdates with Telegram's offset semantics and
 * long polling, records every call with the status it got, and can be scripted to fail the next
 * calls of a method (a 429 with {@code retry_after}, a 5xx) or a random fraction of them. Once a
 * webhook is set (setWebhook, or {@link #setWebhook} as a deployment would), queued updates are
 * pushed to it by a {@link WebhookPusher} instead, and getUpdates answers 409 as Telegram does.
 * A method can be made slow, as a distant Telegram is: the call is carried out (recorded) when it
 * arrives and answered later, so a caller that dies meanwhile never learns that it went through.
 * Method names match case-insensitively, since TelegramBots lower-cases some of them.
 */
public final class FakeBotApi implements AutoCloseable {

  /** One recorded Bot API call and the HTTP status it was answered with. */
  public record Call(String method, JsonNode body, long nanoTime, int status) {
    public String text() {
      return body.path("text").asText("");
    }

    public long chatId() {
      return body.path("chat_id").asLong();
    }

    /** The message this one answers ({@code reply_parameters.message_id}), or 0. */
    public int replyTo() {
      return body.path("reply_parameters").path("message_id").asInt(0);
    }

    /** Whether Telegram would have carried it out (answered 200). */
    public boolean accepted() {
      return status == 200;
    }
  }

  /** A message answered: the chat and the replied-to message id. */
  public record Answer(long chatId, int replyTo) {}

  private record Failure(int code, Integer retryAfter) {}

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, each answer
    // then waits for the client's delayed ACK (~40 ms), which would swamp every latency measured.
    // Read once per JVM, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final ObjectMapper json = new ObjectMapper();
  private final String token;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();
  private final Deque<JsonNode> updates = new ArrayDeque<>();
  private final Map<String, Deque<Failure>> failures = new HashMap<>();
  private final Set<Long> admins = new HashSet<>();
  private final AtomicInteger nextUpdateId = new AtomicInteger(1);
  private final AtomicInteger nextMessageId = new AtomicInteger(100_000);
  private final Random random = new Random(1);
  private final Map<String, Double> failureRates = new HashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private long confirmedOffset;
  private WebhookPusher webhook;

  private FakeBotApi(String token, int threads) throws IOException {
    this.token = token;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "fake-bot-api-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server that accepts {@code token}. */
  public static FakeBotApi start(String token) throws IOException {
    return start(token, 8);
  }

  /** Starts a server that accepts {@code token} and answers up to {@code threads} calls at once. */
  public static FakeBotApi start(String token, int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    return new FakeBotApi(token, threads);
  }

  /** The base URL to give the bot as {@code TELEGRAM_API_URL}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A fresh update id, for building updates. */
  public int nextUpdateId() {
    return nextUpdateId.getAndIncrement();
  }

  /** Queues an update for getUpdates, or pushes it to the webhook when one is set. */
  public void enqueue(JsonNode update) {
    WebhookPusher pusher = webhook();
    if (pusher != null) {
      pusher.push(update);
      return;
    }
    synchronized (updates) {
      updates.add(update);
      updates.notifyAll();
    }
  }

  /**
   * Sets the webhook as a deployment would (without the bot calling setWebhook): updates are
   * pushed to {@code urls} in turn (one URL, or several instances as behind a load balancer) with
   * {@code secret} over up to {@code maxConnections} connections.
   */
  public WebhookPusher setWebhook(List<URI> urls, String secret, int maxConnections) {
    synchronized (updates) {
      if (webhook != null) {
        if (webhook.urls().equals(urls) && Objects.equals(webhook.secret(), secret)) {
          return webhook;
        }
        webhook.close();
      }
      webhook = WebhookPusher.start(urls, secret, maxConnections, Duration.ofSeconds(10));
      return webhook;
    }
  }

  /** The webhook updates are pushed to, or {@code null}. */
  public WebhookPusher webhook() {
    synchronized (updates) {
      return webhook;
    }
  }

  /** Fails the next {@code times} calls of {@code method} with an HTTP/Bot API error. */
  public void failNext(String method, int times, int code, Integer retryAfter) {
    synchronized (failures) {
      Deque<Failure> queue = failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>());
      for (int i = 0; i < times; i++) {
        queue.add(new Failure(code, retryAfter));
      }
    }
  }

  /**
   * Fails about {@code fraction} of the calls of {@code method} from now on, drawn at random with
   * {@code seed}: a third each with a 429 (retry_after 1 s), a 500 and a 502.
   */
  public void failRandomly(String method, double fraction, long seed) {
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException("fraction must be in [0, 1]: " + fraction);
    }
    synchronized (failures) {
      random.setSeed(seed);
      failureRates.put(method.toLowerCase(Locale.ROOT), fraction);
    }
  }

  /**
   * Answers the calls of {@code method} {@code delay} after they arrive (a round trip to a distant
   * server); they are carried out, and recorded, on arrival.
   */
  public void delay(String method, Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("the delay must not be negative: " + delay);
    }
    delays.put(method.toLowerCase(Locale.ROOT), delay);
  }

  /** getChatMember answers "administrator" for these users. */
  public void addAdmin(long userId) {
    synchronized (admins) {
      admins.add(userId);
    }
  }

  public void onCall(Consumer<Call> listener) {
    listeners.add(listener);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The recorded calls of one method (case-insensitive). */
  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method.equalsIgnoreCase(method)).toList();
  }

  /** How many times each message was answered: accepted sendMessage calls by chat and reply. */
  public Map<Answer, Integer> answers() {
    Map<Answer, Integer> out = new HashMap<>();
    for (Call c : calls) {
      if (c.method.equals("sendmessage") && c.accepted()) {
        out.merge(new Answer(c.chatId(), c.replyTo()), 1, Integer::sum);
      }
    }
    return out;
  }

  /** Waits until {@code count} calls match; returns them (possibly fewer on timeout). */
  public List<Call> await(Predicate<Call> filter, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Call> found = calls.stream().filter(filter).toList();
      if (found.size() >= count || System.nanoTime() > deadline) {
        return found;
      }
      Thread.sleep(5);
    }
  }

  public List<Call> await(String method, int count, Duration timeout) throws InterruptedException {
    return await(c -> c.method.equalsIgnoreCase(method), count, timeout);
  }

  /** The offset the bot last confirmed with getUpdates: updates below it are gone. */
  public long confirmedOffset() {
    synchronized (updates) {
      return confirmedOffset;
    }
  }

  /** Updates queued and not yet confirmed by the bot. */
  public int pendingUpdates() {
    synchronized (updates) {
      return updates.size();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String prefix = "/bot" + token + "/";
      if (!path.startsWith(prefix)) {
        respond(exchange, 401, error(401, "Unauthorized", null));
        return;
      }
      String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
      JsonNode body = readBody(exchange);
      long at = System.nanoTime();
      Failure failure = nextFailure(method);
      if (failure == null && method.equals("getupdates") && webhook() != null) {
        failure = new Failure(409, null);
      }
      Call call = new Call(method, body, at, failure == null ? 200 : failure.code);
      if (!method.equals("getupdates")) {
        calls.add(call);
        listeners.forEach(l -> l.accept(call));
      }
      Duration delay = delays.get(method);
      if (delay != null && !delay.isZero()) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (failure != null) {
        respond(exchange, failure.code, error(failure.code, "scripted failure", failure.retryAfter));
        return;
      }
      respond(exchange, 200, ok(answer(method, body)));
    } catch (RuntimeException e) {
      respond(exchange, 500, error(500, "fake server error: " + e.getMessage(), null));
    }
  }

  private JsonNode answer(String method, JsonNode body) throws IOException {
    return switch (method) {
      case "getme" -> {
        ObjectNode me = json.createObjectNode();
        me.put("id", 4242).put("is_bot", true).put("first_name", "Kontekst").put("username", "kontekst_test_bot");
        yield me;
      }
      case "getupdates" -> getUpdates(body);
      case "sendmessage" -> sentMessage(body);
      case "getchatmember" -> {
        long user = body.path("user_id").asLong();
        boolean admin;
        synchronized (admins) {
          admin = admins.contains(user);
        }
        ObjectNode member = json.createObjectNode();
        member.put("status", admin ? "administrator" : "member");
        ObjectNode u = member.putObject("user");
        u.put("id", user).put("is_bot", false).put("first_name", "U");
        if (admin) {
          member.put("can_be_edited", false).put("is_anonymous", false);
        }
        yield member;
      }
      case "editmessagetext" -> sentMessage(body);
      case "setwebhook" -> {
        setWebhook(
            List.of(URI.create(body.path("url").asText())),
            body.hasNonNull("secret_token") ? body.path("secret_token").asText() : null,
            body.path("max_connections").asInt(40));
        yield json.getNodeFactory().booleanNode(true);
      }
      case "getwebhookinfo" -> {
        WebhookPusher pusher = webhook();
        ObjectNode info = json.createObjectNode();
        info.put("url", pusher == null ? "" : pusher.urls().get(0).toString());
        info.put("has_custom_certificate", false).put("pending_update_count", 0);
        yield info;
      }
      case "deletewebhook" -> {
        synchronized (updates) {
          if (webhook != null) {
            webhook.close();
            webhook = null;
          }
        }
        yield json.getNodeFactory().booleanNode(true);
      }
      default -> json.getNodeFactory().booleanNode(true);
    };
  }

  private JsonNode sentMessage(JsonNode body) {
    ObjectNode message = json.createObjectNode();
    message.put("message_id", body.has("message_id") ? body.path("message_id").asInt() : nextMessageId.getAndIncrement());
    message.put("date", (int) (System.currentTimeMillis() / 1000));
    long chatId = body.path("chat_id").asLong();
    message.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
    message.put("text", body.path("text").asText(""));
    return message;
  }

  private JsonNode getUpdates(JsonNode body) {
    long offset = body.path("offset").asLong(0);
    int limit = body.path("limit").asInt(100);
    long timeoutMillis = Math.min(body.path("timeout").asLong(0), 50) * 1000;
    long deadline = System.currentTimeMillis() + timeoutMillis;
    ArrayNode result = json.createArrayNode();
    synchronized (updates) {
      if (offset > 0) {
        confirmedOffset = Math.max(confirmedOffset, offset);
        updates.removeIf(u -> u.path("update_id").asLong() < offset);
      }
      while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
        try {
          updates.wait(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      for (JsonNode u : updates) {
        if (result.size() >= limit) {
          break;
        }
        result.add(u);
      }
    }
    return result;
  }

  private Failure nextFailure(String method) {
    synchronized (failures) {
      Deque<Failure> queue = failures.get(method);
      Failure scripted = queue == null ? null : queue.poll();
      if (scripted != null) {
        return scripted;
      }
      Double rate = failureRates.get(method);
      if (rate == null || random.nextDouble() >= rate) {
        return null;
      }
      return switch (random.nextInt(3)) {
        case 0 -> new Failure(429, 1);
        case 1 -> new Failure(500, null);
        default -> new Failure(502, null);
      };
    }
  }

  private JsonNode readBody(HttpExchange exchange) throws IOException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readAllBytes();
    }
    if (bytes.length == 0) {
      return json.createObjectNode();
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null && contentType.contains("json")) {
      return json.readTree(bytes);
    }
    if (contentType != null && contentType.startsWith("multipart/form-data")) {
      return multipart(contentType, new String(bytes, StandardCharsets.UTF_8));
    }
    ObjectNode form = json.createObjectNode();
    for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  /** The text fields of a multipart form (setWebhook is sent as one), without files. */
  private ObjectNode multipart(String contentType, String body) {
    ObjectNode form = json.createObjectNode();
    int b = contentType.indexOf("boundary=");
    if (b < 0) {
      return form;
    }
    String boundary = "--" + contentType.substring(b + "boundary=".length()).replace("\"", "").strip();
    for (String part : body.split(java.util.regex.Pattern.quote(boundary))) {
      int split = part.indexOf("\r\n\r\n");
      int name = part.indexOf("name=\"");
      if (split < 0 || name < 0 || name > split) {
        continue;
      }
      String key = part.substring(name + 6, part.indexOf('"', name + 6));
      String value = part.substring(split + 4);
      form.put(key, value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
    }
    return form;
  }

  private ObjectNode ok(JsonNode result) {
    ObjectNode node = json.createObjectNode();
    node.put("ok", true);
    node.set("result", result);
    return node;
  }

  private ObjectNode error(int code, String description, Integer retryAfter) {
    ObjectNode node = json.createObjectNode();
    node.put("ok", false).put("error_code", code).put("description", description);
    if (retryAfter != null) {
      node.putObject("parameters").put("retry_after", retryAfter);
    }
    return node;
  }

  private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops the server and its threads; wakes any long poll. */
  @Override
  public void close() {
    synchronized (updates) {
      if (webhook != null) {
        webhook.close();
      }
      updates.notifyAll();
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** For building updates without the fake: the JSON mapper it uses. */
  public ObjectMapper json() {
    return json;
  }

  /** Makes a list of calls readable in a test failure. */
  public static String describe(List<Call> calls) {
    List<String> out = new ArrayList<>();
    for (Call c : calls) {
      out.add(c.method + " " + c.body);
    }
    return String.join("\n", out);
  }
}
