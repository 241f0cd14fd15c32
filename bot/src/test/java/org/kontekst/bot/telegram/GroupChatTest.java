package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;

class GroupChatTest {
  private static final long GROUP = -100_123L;
  private static final long ADMIN = 900;
  private static final long MEMBER = 901;
  private BotHarness harness;
  private int messageId = 1;

  @BeforeEach
  void start() throws Exception {
    harness = new BotHarness().start();
    harness.api.addAdmin(ADMIN);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private int forward(String text) {
    int id = harness.api.nextUpdateId();
    harness.send(Updates.groupMessage(messageId++, GROUP).from(MEMBER, "en").text(text).forwardedFromChannel("Chan", null).update(id));
    return id;
  }

  private int say(long user, String text) {
    int id = harness.api.nextUpdateId();
    harness.send(Updates.groupMessage(messageId++, GROUP).from(user, "en").text(text).update(id));
    return id;
  }

  private List<FakeBotApi.Call> repliesAfter(int lastUpdate) throws InterruptedException {
    harness.awaitProcessed(lastUpdate);
    return harness.api.calls("sendMessage");
  }

  @Test
  void should_stay_quiet_on_weak_matches_emotive_words_and_plain_chat() throws Exception {
    forward("Something about grain");
    forward("A horrifying story");
    say(MEMBER, "Bucha, but not forwarded");
    int last = forward("Nothing to see");

    assertEquals(List.of(), repliesAfter(last));
  }

  @Test
  void should_speak_on_a_confident_match_or_a_misnaming() throws Exception {
    forward("Bucha was staged");
    int last = forward("The Kyiv regime says");

    List<FakeBotApi.Call> sent = repliesAfter(last);

    assertEquals(2, sent.size(), FakeBotApi.describe(sent));
    assertTrue(sent.stream().anyMatch(c -> c.text().contains("What happened in Bucha")));
    assertTrue(sent.stream().anyMatch(c -> c.text().contains("a misnaming") && !c.text().contains("nothing on this")));
  }

  @Test
  void should_check_the_message_someone_answers_with_check_even_without_a_match() throws Exception {
    var original = Updates.groupMessage(50, GROUP).from(MEMBER, "en").text("Rumour with no match").message();
    int id = harness.api.nextUpdateId();
    harness.send(Updates.groupMessage(51, GROUP).from(MEMBER, "en").text("/check@kontekst_test_bot").replyTo(original).update(id));

    List<FakeBotApi.Call> sent = repliesAfter(id);

    assertEquals(1, sent.size());
    assertEquals(50, sent.get(0).body().path("reply_parameters").path("message_id").asInt());
    assertTrue(sent.get(0).text().contains("nothing on this"), sent.get(0).text());
  }

  @Test
  void should_ask_for_a_reply_when_check_answers_nothing() throws Exception {
    int id = say(MEMBER, "/check");

    assertTrue(repliesAfter(id).get(0).text().contains("Answer the message you want checked with /check."));
  }

  @Test
  void should_let_only_admins_change_settings_and_follow_them() throws Exception {
    say(MEMBER, "/settings verbose");
    int shown = say(ADMIN, "/settings");
    int changed = say(ADMIN, "/settings verbose");
    harness.awaitProcessed(changed);
    int last = forward("Something about grain");

    List<FakeBotApi.Call> sent = repliesAfter(last);

    assertTrue(sent.stream().anyMatch(c -> c.text().equals("Only the chat's admins can change settings.")), FakeBotApi.describe(sent));
    assertTrue(sent.stream().anyMatch(c -> c.text().contains("Mode: quiet")), FakeBotApi.describe(sent));
    assertTrue(sent.stream().anyMatch(c -> c.text().equals("Saved. Mode: verbose. Language: each person's Telegram language.")));
    assertTrue(sent.stream().anyMatch(c -> c.text().contains("Grain deal explained")), "verbose mode answers weak matches");
    assertTrue(shown > 0);
  }

  /** Sends /settings as {@code user}; returns the bot's answer. */
  private FakeBotApi.Call settingsShownTo(long user) throws InterruptedException {
    int before = harness.api.calls("sendMessage").size();
    harness.awaitProcessed(say(user, "/settings"));
    List<FakeBotApi.Call> sent = harness.api.calls("sendMessage");
    assertEquals(before + 1, sent.size(), FakeBotApi.describe(sent));
    return sent.get(sent.size() - 1);
  }

  private static List<String> labels(JsonNode keyboard) {
    List<String> out = new java.util.ArrayList<>();
    keyboard.forEach(row -> row.forEach(b -> out.add(b.path("text").asText())));
    return out;
  }

  private static String data(JsonNode keyboard, String label) {
    for (JsonNode row : keyboard) {
      for (JsonNode b : row) {
        if (b.path("text").asText().endsWith(label)) return b.path("callback_data").asText();
      }
    }
    throw new AssertionError("no button " + label + " in " + keyboard);
  }

  private int press(long user, String data) {
    int id = harness.api.nextUpdateId();
    harness.send(Updates.callback(id, "q" + id, user, GROUP, 4000, data, null));
    return id;
  }

  @Test
  void should_show_settings_buttons_to_an_admin_only_and_change_the_mode_when_an_admin_presses_one() throws Exception {
    FakeBotApi.Call forMember = settingsShownTo(MEMBER);
    FakeBotApi.Call forAdmin = settingsShownTo(ADMIN);
    JsonNode keyboard = forAdmin.body().path("reply_markup").path("inline_keyboard");

    harness.awaitProcessed(press(ADMIN, data(keyboard, "Verbose")));
    int last = forward("Something about grain");

    assertTrue(forMember.body().path("reply_markup").isMissingNode(), forMember.body().toString());
    assertEquals(List.of("✓ Quiet", "Verbose", "Off", "English", "Українська", "✓ Each person's"), labels(keyboard));
    FakeBotApi.Call answer = harness.api.calls("answerCallbackQuery").get(0);
    assertEquals("Saved. Mode: verbose. Language: each person's Telegram language.", answer.body().path("text").asText());
    FakeBotApi.Call edit = harness.api.calls("editMessageText").get(0);
    assertEquals(4000, edit.body().path("message_id").asInt());
    assertTrue(edit.text().contains("Mode: verbose"), edit.text());
    assertEquals(List.of("Quiet", "✓ Verbose", "Off", "English", "Українська", "✓ Each person's"),
        labels(edit.body().path("reply_markup").path("inline_keyboard")));
    assertTrue(repliesAfter(last).stream().anyMatch(c -> c.text().contains("Grain deal explained")), "verbose mode answers weak matches");
  }

  @Test
  void should_switch_the_group_language_with_a_button_and_show_the_settings_in_it() throws Exception {
    JsonNode keyboard = settingsShownTo(ADMIN).body().path("reply_markup").path("inline_keyboard");

    harness.awaitProcessed(press(ADMIN, data(keyboard, "Українська")));

    FakeBotApi.Call edit = harness.api.calls("editMessageText").get(0);
    assertTrue(edit.text().startsWith("<b>Налаштування цього чату</b>"), edit.text());
    assertEquals(List.of("✓ Тихий", "Докладний", "Вимкнено", "English", "✓ Українська", "Мова кожного"),
        labels(edit.body().path("reply_markup").path("inline_keyboard")));
    assertEquals("Збережено. Режим: тихий. Мова: українська.",
        harness.api.calls("answerCallbackQuery").get(0).body().path("text").asText());
  }

  @Test
  void should_refuse_a_settings_button_pressed_by_a_member_or_forged_and_change_nothing() throws Exception {
    JsonNode keyboard = settingsShownTo(ADMIN).body().path("reply_markup").path("inline_keyboard");
    String off = data(keyboard, "Off");
    String elsewhere = harness.signer().sign("set:mo@" + (GROUP - 1));

    int member = press(MEMBER, off);
    press(ADMIN, "set:mo:AAAAAAAAAAAAAAAA");
    press(ADMIN, "set:mo:" + elsewhere);
    int last = press(ADMIN, off.replace("set:mo", "set:mv"));
    harness.awaitProcessed(last);
    int quiet = forward("Something about grain");

    List<FakeBotApi.Call> answers = harness.api.calls("answerCallbackQuery");
    assertEquals(4, answers.size(), FakeBotApi.describe(answers));
    for (FakeBotApi.Call a : answers) {
      // Presses are handled concurrently: the answer's query id says which press it is.
      String expected = a.body().path("callback_query_id").asText().equals("q" + member)
          ? "Only the chat's admins can change settings."
          : "This button is not valid. Forward the post again for a fresh reply.";
      assertEquals(expected, a.body().path("text").asText(), a.body().toString());
      assertTrue(a.body().path("show_alert").asBoolean(), a.body().toString());
    }
    assertEquals(1, answers.stream().filter(a -> a.body().path("callback_query_id").asText().equals("q" + member)).count());
    assertEquals(List.of(), harness.api.calls("editMessageText"));
    assertEquals("QUIET", harness.conversation().settings().find(GROUP).mode().name());
    assertTrue(repliesAfter(quiet).stream().noneMatch(c -> c.text().contains("Grain deal explained")), "still quiet");
  }

  @Test
  void should_go_silent_when_off_except_for_settings() throws Exception {
    harness.awaitProcessed(say(ADMIN, "/settings off"));
    forward("Bucha was staged");
    say(MEMBER, "/help");
    int last = say(ADMIN, "/settings lang uk");

    List<FakeBotApi.Call> sent = repliesAfter(last);

    assertEquals(2, sent.size(), FakeBotApi.describe(sent));
    assertEquals("Збережено. Режим: вимкнено. Мова: українська.", sent.get(1).text());
  }

  @Test
  void should_ignore_commands_for_other_bots_and_unknown_ones() throws Exception {
    say(MEMBER, "/help@other_bot");
    say(MEMBER, "/weather");
    int last = say(MEMBER, "/help@kontekst_test_bot");

    List<FakeBotApi.Call> sent = repliesAfter(last);

    assertEquals(1, sent.size(), FakeBotApi.describe(sent));
    assertTrue(sent.get(0).text().startsWith("<b>How to use Kontekst</b>"));
  }
}
