package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.bot.llm.FakeLlmServer;
import org.kontekst.bot.llm.FakeLlmServer.Reply;
import org.kontekst.bot.render.ContextWriter;

/**
 * The language model from the environment, and {@code kontekst check} with it: the {@code reply}
 * field shows the model-written paragraph, or the template reply when the model's answer fails
 * its checks. Real knowledge base, real LangChain4j clients, a fake model server on loopback.
 */
class LlmSettingsTest {
  @TempDir static Path data;
  private static FakeLlmServer server;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POST =
      "Kremlin ruler Volodymyr Putin signed a partnership treaty with Kim Jong-un in Pyongyang on 19 June";
  private static final String PARAGRAPH =
      "Vladimir Putin visited Pyongyang on 19 June 2024 and signed a comprehensive strategic partnership treaty with Kim Jong-un [1]. "
          + "The text includes a mutual defence clause [1].";

  @BeforeAll
  static void importKnowledgeBase() throws Exception {
    Path kb = Path.of(LlmSettingsTest.class.getResource("/kb").toURI());
    assertEquals(0, Main.commandLine(Map.of()).execute("import", "--data", data.toString(), kb.toString()));
    server = FakeLlmServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, String> env(String provider) {
    Map<String, String> env = new HashMap<>();
    env.put("KONTEKST_LLM_PROVIDER", provider);
    env.put("KONTEKST_LLM_BASE_URL", provider.equals("openai") ? server.url() + "/v1" : server.url());
    env.put("KONTEKST_LLM_MODEL", "fake-model");
    env.put("KONTEKST_LLM_API_KEY", "sk-secret-value");
    return env;
  }

  private static String reply(Map<String, String> env) throws Exception {
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertEquals(0, Main.commandLine(env).execute("check", "--data", data.toString(), POST));
    } finally {
      System.setOut(oldOut);
    }
    JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    return report.get("reply").asText();
  }

  @Test
  void should_show_the_model_written_paragraph_in_the_reply_of_check() throws Exception {
    String template = reply(Map.of());
    for (String provider : new String[] {"openai", "ollama"}) {
      server.answer(r -> Reply.text(PARAGRAPH));

      String reply = reply(env(provider));

      assertTrue(reply.startsWith(PARAGRAPH + "\nWritten by a language model"), reply);
      assertTrue(reply.endsWith(template), "the template reply follows:\n" + reply);
      assertEquals("fake-model", server.requests().get(server.requests().size() - 1).model());
    }
  }

  @Test
  void should_show_the_template_reply_in_check_when_the_model_cites_what_it_was_not_given() throws Exception {
    String template = reply(Map.of());
    server.answer(r -> Reply.text("Putin signed the treaty [1], as https://ria.ru reported [2]."));

    assertEquals(template, reply(env("openai")));
  }

  @Test
  void should_reach_for_no_network_when_no_model_is_set() {
    LlmSettings none = LlmSettings.from(Map.of());

    assertFalse(none.configured());
    assertSame(ContextWriter.NONE, none.contextWriter(Ticker.systemTicker()));
  }

  @Test
  void should_say_what_to_set_when_the_settings_are_incomplete(@TempDir Path empty) {
    IllegalArgumentException noProvider =
        assertThrows(IllegalArgumentException.class, () -> LlmSettings.from(Map.of("KONTEKST_LLM_MODEL", "m")).contextWriter(Ticker.systemTicker()));
    assertTrue(noProvider.getMessage().contains("KONTEKST_LLM_PROVIDER"), noProvider.getMessage());

    IllegalArgumentException noModel =
        assertThrows(IllegalArgumentException.class, () -> LlmSettings.from(Map.of("KONTEKST_LLM_PROVIDER", "ollama")).contextWriter(Ticker.systemTicker()));
    assertTrue(noModel.getMessage().contains("KONTEKST_LLM_MODEL"), noModel.getMessage());

    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> LlmSettings.from(Map.of("KONTEKST_LLM_PROVIDER", "gemini", "KONTEKST_LLM_MODEL", "m")).contextWriter(Ticker.systemTicker()));
    assertTrue(unknown.getMessage().contains("openai or ollama"), unknown.getMessage());

    Map<String, String> badPrompts = env("openai");
    badPrompts.put("KONTEKST_PROMPTS", empty.resolve("nowhere").toString());
    IllegalArgumentException prompts =
        assertThrows(IllegalArgumentException.class, () -> LlmSettings.from(badPrompts).contextWriter(Ticker.systemTicker()));
    assertTrue(prompts.getMessage().contains("KONTEKST_PROMPTS"), prompts.getMessage());
  }

  @Test
  void should_never_print_the_api_key() {
    String shown = Environment.from(env("openai")).toString();

    assertFalse(shown.contains("sk-secret-value"), shown);
    assertTrue(shown.contains("openai") && shown.contains("key set"), shown);
  }
}
