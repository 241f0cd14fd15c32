package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;

class CommandsTest {
  private BotHarness harness;
  private int messageId = 1;

  @BeforeEach
  void start() throws Exception {
    harness = new BotHarness().start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private String ask(long user, String language, String text) throws InterruptedException {
    int before = harness.api.calls("sendMessage").size();
    int id = harness.api.nextUpdateId();
    harness.send(Updates.privateMessage(messageId++, user).from(user, language).text(text).update(id));
    harness.awaitProcessed(id);
    List<FakeBotApi.Call> sent = harness.api.calls("sendMessage");
    assertEquals(before + 1, sent.size(), FakeBotApi.describe(sent));
    return sent.get(sent.size() - 1).text();
  }

  @Test
  void should_register_the_command_menu_in_english_and_ukrainian() {
    List<FakeBotApi.Call> menus = harness.api.calls("setMyCommands");

    assertEquals(8, menus.size(), FakeBotApi.describe(menus));
    List<String> seen = new ArrayList<>();
    for (FakeBotApi.Call call : menus) {
      JsonNode body = call.body();
      seen.add(body.path("scope").path("type").asText() + "/" + body.path("language_code").asText("-"));
    }
    assertTrue(seen.containsAll(List.of("default/-", "default/uk", "all_private_chats/uk", "all_group_chats/-", "all_chat_administrators/uk")), seen.toString());
    JsonNode ukPrivate =
        menus.stream().map(FakeBotApi.Call::body)
            .filter(b -> b.path("scope").path("type").asText().equals("all_private_chats") && b.path("language_code").asText().equals("uk"))
            .findFirst().orElseThrow();
    assertEquals("start", ukPrivate.path("commands").get(0).path("command").asText());
    assertEquals("Вітання і як користуватися ботом", ukPrivate.path("commands").get(0).path("description").asText());
  }

  @Test
  void should_answer_start_and_help_in_the_person_s_language() throws Exception {
    assertTrue(ask(1, "en", "/start").startsWith("<b>Kontekst</b> helps you check a post"));
    assertTrue(ask(2, "uk", "/start").startsWith("<b>Kontekst</b> допомагає перевірити допис"));
    assertTrue(ask(1, "en-GB", "/help").contains("/privacy: exactly what I store"));
  }

  @Test
  void should_describe_the_knowledge_base_in_about() throws Exception {
    String about = ask(1, "en", "/about");

    assertTrue(about.contains("Knowledge base: 25 verified articles."), about);
    assertTrue(about.contains("Sources: Example Outlet, Outlet B."), about);
    assertTrue(about.contains("Last update: 2 Jan 2025, 03:04 UTC."), about);
  }

  @Test
  void should_tell_the_truth_about_storage_in_privacy() throws Exception {
    String privacy = ask(1, "en", "/privacy");

    assertTrue(privacy.contains("The text of your messages: not stored."), privacy);
    assertTrue(privacy.contains("salted hash"), privacy);
    assertTrue(privacy.contains("send to volunteers"), privacy);
    assertTrue(privacy.contains("The text is erased 30 days after the volunteers have answered or set the post aside,"
        + " and the whole post 90 days after you sent it"), privacy);
    assertTrue(ask(1, "uk", "/privacy").contains("Текст стирається через 30 днів"));
  }

  @Test
  void should_switch_the_interface_language_with_lang_independently_of_the_post() throws Exception {
    String menu = ask(3, "en", "/lang");
    assertTrue(menu.startsWith("Interface language: English."), menu);
    JsonNode buttons = harness.api.calls("sendMessage").get(0).body().path("reply_markup").path("inline_keyboard").get(0);
    assertEquals("lang:uk", buttons.get(1).path("callback_data").asText());

    assertEquals("Готово: тут я говоритиму українською.", ask(3, "en", "/lang uk"));
    String reply = ask(3, "en", "An English post about Bucha");

    assertTrue(reply.contains("Що кажуть перевірені статті"), reply);
    assertTrue(reply.contains("4 квітня 2022"), reply);
    assertTrue(ask(3, "en", "/lang klingon").startsWith("Я розмовляю англійською та українською"));
  }

  @Test
  void should_switch_language_with_the_lang_buttons() throws Exception {
    int id = harness.api.nextUpdateId();
    harness.send(Updates.callback(id, "q1", 4, 4, 77, "lang:uk", null));
    harness.awaitProcessed(id);

    assertEquals("Готово: тут я говоритиму українською.", harness.api.calls("answerCallbackQuery").get(0).body().path("text").asText());
    assertEquals("Готово: тут я говоритиму українською.", harness.api.calls("editMessageText").get(0).text());
    assertTrue(ask(4, "en", "/help").startsWith("<b>Як користуватися Kontekst</b>"));
  }

  @Test
  void should_explain_unknown_commands_and_bad_arguments() throws Exception {
    assertEquals("I don't know the command /weather. Send /help to see what I can do.", ask(5, "en", "/weather"));
    assertEquals("Settings are for groups. Here, /lang switches the language.", ask(5, "en", "/settings verbose"));
    assertTrue(ask(5, "en", "/check").startsWith("Forward a post to me"));
    assertTrue(ask(5, "en", "/check Bucha claims").contains("What happened in Bucha"));
  }
}
