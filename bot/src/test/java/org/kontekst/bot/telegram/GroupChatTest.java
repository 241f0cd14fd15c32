package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
