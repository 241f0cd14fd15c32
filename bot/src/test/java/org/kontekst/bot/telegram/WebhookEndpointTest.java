package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;

/** The webhook endpoint over real HTTP: what it refuses, and that it answers each update once. */
class WebhookEndpointTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path data;
  private WebhookHarness harness;
  private WebhookHarness.Instance bot;

  @BeforeEach
  void start() throws Exception {
    harness = new WebhookHarness(data);
    bot = harness.start(new FakeChecker(), Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  private HttpResponse<String> post(URI url, String secret, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header(WebhookServer.SECRET_HEADER, secret);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private ObjectNode post(long chat, int messageId, String text) {
    return Updates.privateMessage(messageId, chat).from(chat, "en").text(text).update(harness.api.nextUpdateId());
  }

  private long recorded() throws Exception {
    return harness.count("SELECT COUNT(*) FROM tg_inbox");
  }

  @Test
  void should_answer_401_to_a_missing_or_wrong_secret_and_record_nothing() throws Exception {
    String update = post(1, 1, "Bucha").toString();

    assertEquals(401, post(bot.url(), null, update).statusCode());
    assertEquals(401, post(bot.url(), "wrong", update).statusCode());
    assertEquals(401, post(bot.url(), WebhookHarness.SECRET + "x", update).statusCode());
    assertEquals(401, post(bot.url(), WebhookHarness.SECRET.substring(1), update).statusCode());

    assertEquals(0, recorded());
    assertEquals(200, post(bot.url(), WebhookHarness.SECRET, update).statusCode());
    assertEquals(1, recorded());
  }

  @Test
  void should_refuse_other_paths_methods_oversized_bodies_and_junk() throws Exception {
    URI url = bot.url();
    String secret = WebhookHarness.SECRET;

    assertEquals(404, post(url.resolve("/telegram/other"), secret, "{\"update_id\": 1}").statusCode());
    assertEquals(404, post(url.resolve("/"), secret, "{\"update_id\": 1}").statusCode());
    HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    String big = "{\"update_id\": 1, \"pad\": \"" + "x".repeat(1 << 20) + "\"}";
    assertEquals(413, post(url, secret, big).statusCode());
    for (String junk :
        List.of("", "not json", "{\"update_id\": 1", "[1, 2]", "\"text\"", "{}", "{\"update_id\": \"1\"}",
            "{\"update_id\": -5}", "{\"update_id\": 1.5}", "{\"update_id\": 99999999999}", "{\"update_id\": 1} {}",
            "{\"update_id\": null}")) {
      assertEquals(400, post(url, secret, junk).statusCode(), junk);
    }
    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(bot.health()).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, health.statusCode());
    assertEquals(0, recorded(), "nothing refused is recorded");
  }

  @Test
  void should_answer_an_update_delivered_three_times_once() throws Exception {
    harness.route(bot);
    ObjectNode update = post(7, 70, "Bucha was staged");

    harness.push(update);
    harness.push(update);
    harness.push(update);
    assertTrue(harness.api.webhook().awaitAccepted(3, Duration.ofSeconds(10)));
    harness.awaitAnswers(List.of(new FakeBotApi.Answer(7, 70)), Duration.ofSeconds(10));
    harness.awaitCount("SELECT COUNT(*) FROM tg_outbox", 0, Duration.ofSeconds(10));

    assertEquals(Map.of(new FakeBotApi.Answer(7, 70), 1), harness.api.answers());
    assertEquals(2.0, bot.count("kontekst.inbox", "event", "repeated"));
  }

  @Test
  void should_keep_no_post_text_once_an_update_is_answered() throws Exception {
    harness.route(bot);
    harness.push(post(8, 80, "A unique post about Bucha, 4417"));

    harness.awaitAnswers(List.of(new FakeBotApi.Answer(8, 80)), Duration.ofSeconds(10));
    harness.awaitCount("SELECT COUNT(*) FROM tg_outbox", 0, Duration.ofSeconds(10));

    assertEquals(1, harness.count("SELECT COUNT(*) FROM tg_inbox WHERE state = 'DONE'"));
    assertEquals(0, harness.count("SELECT COUNT(*) FROM tg_inbox WHERE payload IS NOT NULL OR owner_id IS NOT NULL"));
  }

  @Test
  void should_leave_no_threads_of_its_own_after_close() throws Exception {
    harness.route(bot);
    harness.push(post(12, 120, "Bucha"));
    harness.awaitAnswers(List.of(new FakeBotApi.Answer(12, 120)), Duration.ofSeconds(10));

    harness.close();
    harness = null;

    assertEquals(List.of(), BotHarness.threadsLeft());
  }

  @Test
  void should_register_the_webhook_with_its_secret_when_a_public_url_is_set() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port + WebhookConfig.DEFAULT_PATH);

    harness.start(new FakeChecker(), SendLimits.unlimited(), WebhookHarness.config(Duration.ofSeconds(30)).withPort(port).withPublicUrl(url));
    harness.push(post(11, 110, "Bucha was staged"));

    FakeBotApi.Call set = harness.api.calls("setWebhook").get(0);
    assertEquals(url.toString(), set.body().path("url").asText());
    assertEquals(WebhookHarness.SECRET, set.body().path("secret_token").asText());
    assertEquals("40", set.body().path("max_connections").asText());
    assertTrue(set.body().path("allowed_updates").asText().contains("callback_query"), set.body().toString());
    harness.awaitAnswers(List.of(new FakeBotApi.Answer(11, 110)), Duration.ofSeconds(10));
  }

  @Test
  void should_answer_buttons_with_answer_callback_query_and_the_edit_in_order() throws Exception {
    harness.route(bot);
    int id = harness.api.nextUpdateId();

    harness.push(Updates.callback(id, "q1", 4, 4, 77, "lang:uk", null));
    List<FakeBotApi.Call> edits = harness.api.await("editMessageText", 1, Duration.ofSeconds(10));
    harness.awaitCount("SELECT COUNT(*) FROM tg_outbox", 0, Duration.ofSeconds(10));

    List<FakeBotApi.Call> answers = harness.api.calls("answerCallbackQuery");
    assertEquals(1, answers.size(), FakeBotApi.describe(harness.api.calls()));
    assertEquals("Готово: тут я говоритиму українською.", answers.get(0).body().path("text").asText());
    assertEquals(1, edits.size());
    assertTrue(answers.get(0).nanoTime() < edits.get(0).nanoTime(), "the toast first, then the edit");
  }

  @Test
  void should_answer_feedback_buttons_on_a_reply_through_the_outbox() throws Exception {
    harness.route(bot);
    harness.push(post(9, 90, "Bucha was staged"));
    FakeBotApi.Call reply = harness.api.await("sendMessage", 1, Duration.ofSeconds(10)).get(0);
    JsonNode helpful = reply.body().path("reply_markup").path("inline_keyboard").get(0).get(0);
    ObjectNode original = Updates.privateMessage(90, 9).from(9, "en").text("Bucha was staged").message();

    harness.push(
        Updates.callback(harness.api.nextUpdateId(), "q2", 9, 9, 100_000, helpful.path("callback_data").asText(), original));

    List<FakeBotApi.Call> toast = harness.api.await("answerCallbackQuery", 1, Duration.ofSeconds(10));
    assertEquals(1, toast.size());
    assertTrue(toast.get(0).body().path("text").asText().toLowerCase().contains("thank"), toast.get(0).body().toString());
  }
}
