package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;
import org.kontekst.bot.llm.FakeLlmServer;
import org.kontekst.bot.llm.FakeLlmServer.Reply;
import org.kontekst.bot.llm.Grounded;
import org.kontekst.bot.llm.Prompts;

/** The bot with a language model: "typing…" while it writes, its paragraph on top of the reply, the template when it fails. */
class LanguageModelReplyTest {
  private static final String PARAGRAPH = "Satellite images show the bodies were there before the retreat [1].";

  private FakeLlmServer model;
  private BotHarness harness;

  @BeforeEach
  void start() throws Exception {
    model = FakeLlmServer.start();
    harness =
        new BotHarness()
            .withContext(Grounded.contextWriter(model.openAi(Duration.ofMillis(800)), Prompts.bundled(), Ticker.systemTicker()))
            .start();
  }

  @AfterEach
  void stop() {
    harness.close();
    model.close();
  }

  private String ask(String text) throws Exception {
    int id = harness.api.nextUpdateId();
    harness.send(Updates.privateMessage(10 + id, 501).from(501, "en").text(text).update(id));
    harness.awaitProcessed(id);
    List<FakeBotApi.Call> sent = harness.api.calls("sendMessage");
    return sent.get(sent.size() - 1).body().path("text").asText();
  }

  @Test
  void should_show_typing_while_the_model_writes_and_open_the_reply_with_its_paragraph() throws Exception {
    model.answer(r -> Reply.text(PARAGRAPH));

    String html = ask("Bucha was staged!");

    assertTrue(html.startsWith(PARAGRAPH + "\n<i>Written by a language model"), html);
    assertTrue(html.contains("What happened in Bucha</a>"), html);
    List<FakeBotApi.Call> typing = harness.api.await("sendChatAction", 1, Duration.ofSeconds(5));
    assertEquals("typing", typing.get(0).body().path("action").asText(), typing.get(0).body().toString());
    assertTrue(typing.get(0).nanoTime() < harness.api.calls("sendMessage").get(0).nanoTime());
  }

  @Test
  void should_send_the_template_reply_when_the_model_is_too_slow() throws Exception {
    model.answer(r -> Reply.slow(PARAGRAPH, Duration.ofSeconds(3)));

    String html = ask("Bucha was staged!");

    assertFalse(html.contains("language model"), html);
    assertTrue(html.contains("What happened in Bucha</a>"), html);
  }

  @Test
  void should_not_ask_the_model_nor_show_typing_when_nothing_matched() throws Exception {
    String html = ask("The moon is made of cheese, say experts.");

    assertFalse(html.contains("language model"), html);
    assertTrue(model.requests().isEmpty());
    assertTrue(harness.api.calls("sendChatAction").isEmpty());
  }
}
