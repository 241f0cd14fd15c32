package org.kontekst.bot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A language-model server on loopback that speaks both OpenAI's {@code /v1/chat/completions} and
 * Ollama's {@code /api/chat}, answering each request as the test's script says: a text (after a
 * delay, if any), malformed JSON, or an error status. LangChain4j's real clients talk to it.
 */
public final class FakeLlmServer implements AutoCloseable {

  /** One chat request as the server saw it. */
  public record Request(String api, String model, String system, String user) {}

  /** What the server answers. */
  public sealed interface Reply {
    record Text(String content, Duration delay) implements Reply {}

    record Malformed() implements Reply {}

    record Status(int code) implements Reply {}

    static Reply text(String content) {
      return new Text(content, Duration.ZERO);
    }

    static Reply slow(String content, Duration delay) {
      return new Text(content, delay);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ObjectMapper json = new ObjectMapper();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Reply> script = r -> Reply.text("");

  private FakeLlmServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", exchange -> handle(exchange, "openai"));
    server.createContext("/api/chat", exchange -> handle(exchange, "ollama"));
    server.setExecutor(executor);
    server.start();
  }

  public static FakeLlmServer start() throws IOException {
    return new FakeLlmServer();
  }

  /** Answers every request from now on with {@code script}. */
  public FakeLlmServer answer(Function<Request, Reply> script) {
    this.script = Objects.requireNonNull(script, "script");
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** LangChain4j's OpenAI client pointed at this server. */
  public ChatModel openAi(Duration timeout) {
    return OpenAiChatModel.builder()
        .baseUrl(url() + "/v1")
        .apiKey("test-key")
        .modelName("fake-gpt")
        .timeout(timeout)
        .maxRetries(0)
        .build();
  }

  /** LangChain4j's Ollama client pointed at this server. */
  public ChatModel ollama(Duration timeout) {
    return OllamaChatModel.builder().baseUrl(url()).modelName("fake-llama").timeout(timeout).maxRetries(0).build();
  }

  private void handle(HttpExchange exchange, String api) throws IOException {
    try (exchange) {
      JsonNode body = json.readTree(exchange.getRequestBody());
      String system = "";
      StringBuilder user = new StringBuilder();
      for (JsonNode message : body.path("messages")) {
        String content = message.path("content").asText("");
        switch (message.path("role").asText()) {
          case "system" -> system = content;
          case "user" -> user.append(content);
          default -> {}
        }
      }
      Request request = new Request(api, body.path("model").asText(), system, user.toString());
      requests.add(request);
      Reply reply = script.apply(request);
      if (reply instanceof Reply.Status status) {
        respond(exchange, status.code(), "{\"error\":{\"message\":\"scripted failure\"}}");
      } else if (reply instanceof Reply.Malformed) {
        respond(exchange, 200, "{\"choices\": [{\"message\": {\"content\": \"unterminated");
      } else {
        Reply.Text text = (Reply.Text) reply;
        if (!text.delay().isZero()) {
          try {
            Thread.sleep(text.delay().toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        respond(exchange, 200, json.writeValueAsString(api.equals("openai") ? openAi(text.content()) : ollama(text.content())));
      }
    } catch (IOException | RuntimeException e) {
      // The client gave up (a timeout) or sent something odd: nothing to answer.
    }
  }

  private ObjectNode openAi(String content) {
    ObjectNode out = json.createObjectNode();
    out.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1_700_000_000).put("model", "fake-gpt");
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    out.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
    return out;
  }

  private ObjectNode ollama(String content) {
    ObjectNode out = json.createObjectNode();
    out.put("model", "fake-llama").put("created_at", "2025-01-01T00:00:00Z");
    out.putObject("message").put("role", "assistant").put("content", content);
    out.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 10).put("eval_count", 10);
    return out;
  }

  private static void respond(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
