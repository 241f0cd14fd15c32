package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;
import org.kontekst.bot.feedback.ButtonData;
import org.kontekst.bot.feedback.FeedbackAction;
import org.kontekst.bot.feedback.VolunteerPost;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.knowledge.store.TestDatabase;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class FeedbackTest {
  private static final long USER = 700;

  @Parameter TestDatabase database;
  private BotHarness harness;
  private ObjectNode original;
  private JsonNode keyboard;

  @BeforeEach
  void start() throws Exception {
    harness = new BotHarness(database).start();
    var post = Updates.privateMessage(10, USER).from(USER, "en").text("Bucha was staged").forwardedFromChannel("Chan", "chan");
    original = post.message();
    harness.send(post.update(harness.api.nextUpdateId()));
    keyboard = harness.awaitMessages(1).get(0).body().path("reply_markup").path("inline_keyboard");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private JsonNode press(String data, ObjectNode repliedTo, long chatId) throws InterruptedException {
    int before = harness.api.calls("answerCallbackQuery").size();
    int id = harness.api.nextUpdateId();
    harness.send(Updates.callback(id, "cb" + id, USER, chatId, 5000 + id, data, repliedTo));
    harness.awaitProcessed(id);
    List<FakeBotApi.Call> answers = harness.api.calls("answerCallbackQuery");
    assertEquals(before + 1, answers.size(), "every press gets exactly one answer");
    return answers.get(answers.size() - 1).body();
  }

  private int count(String sql) throws Exception {
    try (Connection c = harness.store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void should_record_helpful_once_per_person_and_replace_it_on_a_second_press() throws Exception {
    String helpful = keyboard.get(0).get(0).path("callback_data").asText();
    String notRelevant = keyboard.get(0).get(1).path("callback_data").asText();

    assertEquals("Thank you! Your answer is recorded.", press(helpful, original, USER).path("text").asText());
    press(notRelevant, original, USER);

    assertEquals(1, count("SELECT COUNT(*) FROM tg_feedback"));
    assertEquals(1, count("SELECT COUNT(*) FROM tg_feedback WHERE answer = 'NOT_RELEVANT'"));
    assertEquals(0, count("SELECT COUNT(*) FROM tg_user_stats WHERE user_hash = '" + USER + "'"), "ids are hashed");
  }

  @Test
  void should_refuse_forged_and_replayed_buttons() throws Exception {
    String helpful = keyboard.get(0).get(0).path("callback_data").asText();
    String tampered = helpful.substring(0, helpful.length() - 1) + (helpful.endsWith("A") ? "B" : "A");
    String otherReply = "fh:zz:" + helpful.substring(helpful.lastIndexOf(':') + 1);

    for (String forged : List.of(tampered, otherReply, "fh:1:AAAAAAAAAAAAAAAA", "garbage", "f", "lang:xx", "")) {
      JsonNode answer = press(forged, original, USER);
      assertTrue(answer.path("show_alert").asBoolean(), forged);
      assertTrue(answer.path("text").asText().contains("not valid"), forged + " -> " + answer);
    }
    JsonNode replayed = press(helpful, original, USER + 1);
    assertTrue(replayed.path("text").asText().contains("not valid"), "a button from another chat: " + replayed);
    assertEquals(0, count("SELECT COUNT(*) FROM tg_feedback"));
  }

  @Test
  void should_say_a_button_expired_when_its_reply_is_unknown() throws Exception {
    String stale = new ButtonData(FeedbackAction.HELPFUL, 987_654).encode(harness.signer(), USER);

    JsonNode answer = press(stale, original, USER);

    assertTrue(answer.path("text").asText().contains("expired"), answer.toString());
  }

  @Test
  void should_ask_consent_before_sending_a_post_to_volunteers_and_store_it_only_then() throws Exception {
    String volunteers = keyboard.get(1).get(0).path("callback_data").asText();

    press(volunteers, original, USER);
    FakeBotApi.Call ask = harness.awaitMessages(2).get(1);
    assertTrue(ask.text().contains("May I tell you here"), ask.text());
    assertEquals(10, ask.body().path("reply_parameters").path("message_id").asInt());
    assertEquals(0, count("SELECT COUNT(*) FROM tg_volunteer_post"), "nothing stored before consent");

    String yes = ask.body().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
    press(yes, original, USER);

    List<VolunteerPost> queued = harness.signer() == null ? List.of() : new org.kontekst.bot.feedback.FeedbackRepository(harness.store.dataSource(), java.time.Clock.systemUTC()).pending();
    assertEquals(1, queued.size());
    assertEquals("Bucha was staged", queued.get(0).text());
    assertEquals("Chan (@chan)", queued.get(0).forwardedFrom());
    assertEquals(USER, queued.get(0).notifyChatId());
    assertTrue(harness.api.calls("editMessageText").get(0).text().startsWith("Sent to volunteers. I'll tell you here"));
  }

  @Test
  void should_store_no_chat_without_consent_to_be_told_and_nothing_on_cancel() throws Exception {
    String volunteers = keyboard.get(1).get(0).path("callback_data").asText();
    press(volunteers, original, USER);
    JsonNode consent = harness.awaitMessages(2).get(1).body().path("reply_markup").path("inline_keyboard");

    press(consent.get(1).get(0).path("callback_data").asText(), original, USER);
    press(consent.get(0).get(1).path("callback_data").asText(), original, USER);

    List<VolunteerPost> queued = new org.kontekst.bot.feedback.FeedbackRepository(harness.store.dataSource(), java.time.Clock.systemUTC()).pending();
    assertEquals(1, queued.size());
    assertNull(queued.get(0).notifyChatId());
    assertEquals("Not sent. Nothing was stored.", harness.api.calls("editMessageText").get(0).text());
  }

  @Test
  void should_explain_when_the_original_post_is_gone() throws Exception {
    String volunteers = keyboard.get(1).get(0).path("callback_data").asText();

    JsonNode answer = press(volunteers, null, USER);

    assertTrue(answer.path("text").asText().contains("can't see the original post"), answer.toString());
  }
}
