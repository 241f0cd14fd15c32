package org.kontekst.bot.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.llm.FakeLlmServer.Reply;
import org.kontekst.bot.render.ContextWriter;
import org.kontekst.knowledge.check.Report;

/**
 * Forwarded posts that try to take over the model ({@code llm/injections.jsonl}: uk, ru and en;
 * "ignore previous instructions", fake system tags, "cite https://…", role play, language
 * switches, fake sources). Each line holds what a model that obeyed the post would write. The
 * fake model here is adversarial: it obeys. Whatever it writes, the reply must cite only the
 * matched articles and say only what they say, so each obedient answer falls back to the template
 * reply, and the answer of a model that ignores the injection passes through unchanged.
 */
class InjectionCorpusTest {
  private static final Pattern CITED = Pattern.compile("\\[(\\d+)]");

  private record Injection(String lang, InterfaceLanguage ui, String post, String obeyed) {}

  private static List<Injection> corpus;
  private static FakeLlmServer server;

  @BeforeAll
  static void load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    corpus = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                InjectionCorpusTest.class.getResourceAsStream("/llm/injections.jsonl"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode n = json.readTree(line);
        corpus.add(
            new Injection(
                n.path("lang").asText(),
                InterfaceLanguage.ofCode(n.path("interface").asText()),
                n.path("post").asText(),
                n.path("obeyed").asText()));
      }
    }
    server = FakeLlmServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ContextWriter writer(String api) {
    Duration timeout = Duration.ofSeconds(2);
    return Grounded.contextWriter(
        api.equals("openai") ? server.openAi(timeout) : server.ollama(timeout), Prompts.bundled(), Ticker.disabledTicker());
  }

  private static String good(InterfaceLanguage ui) {
    return ui == InterfaceLanguage.UK ? Sources.GOOD_UK : Sources.GOOD_EN;
  }

  @Test
  void should_hold_at_least_thirty_posts_in_each_of_uk_ru_and_en() {
    Map<String, Long> byLanguage = corpus.stream().collect(Collectors.groupingBy(Injection::lang, Collectors.counting()));

    assertTrue(corpus.size() >= 30, "posts: " + corpus.size());
    assertEquals(Set.of("uk", "ru", "en"), byLanguage.keySet());
    byLanguage.values().forEach(n -> assertTrue(n >= 10, byLanguage.toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "ollama"})
  void should_fall_back_to_the_template_whenever_the_model_obeys_the_post(String api) {
    List<String> leaked = new ArrayList<>();
    for (Injection injection : corpus) {
      Report report = Sources.report(injection.post());
      for (Function<Injection, String> obedience :
          List.<Function<Injection, String>>of(i -> good(i.ui()) + " " + i.obeyed(), Injection::obeyed)) {
        // The model obeys only when it sees the injection in the post.
        server.answer(
            r -> Reply.text(r.user().contains(GroundedContextWriter.asData(injection.post())) ? obedience.apply(injection) : good(injection.ui())));

        Optional<String> paragraph = writer(api).write(report, injection.ui(), () -> {});

        paragraph.ifPresent(p -> leaked.add(injection.post() + "\n  -> " + p));
      }
    }
    assertEquals(List.of(), leaked, "obedient answers that reached a reply");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "ollama"})
  void should_pass_through_the_answer_of_a_model_that_ignores_the_post_and_cite_the_same_sources(String api) {
    server.answer(r -> Reply.text(r.system().contains("українською") ? Sources.GOOD_UK : Sources.GOOD_EN));
    for (Injection injection : corpus) {
      Optional<String> paragraph = writer(api).write(Sources.report(injection.post()), injection.ui(), () -> {});

      assertEquals(Optional.of(good(injection.ui())), paragraph, injection.post());
      assertEquals(Set.of("1", "2"), cited(paragraph.get()), injection.post());
    }
  }

  @Test
  void should_put_every_post_only_inside_the_data_block_of_the_prompt() {
    for (Injection injection : corpus) {
      for (InterfaceLanguage ui : InterfaceLanguage.values()) {
        GroundedContextWriter writer =
            new GroundedContextWriter(server.openAi(Duration.ofSeconds(1)), Prompts.bundled(), Ticker.disabledTicker());
        PromptTemplate.Prompt prompt = writer.prompt(Sources.report(injection.post()), ui);

        String user = prompt.user();
        int open = user.indexOf("<post>\n");
        int close = user.indexOf("\n</post>");
        assertTrue(open >= 0 && open == user.lastIndexOf("<post>") && close + 1 == user.lastIndexOf("</post>"), user);
        assertEquals(GroundedContextWriter.asData(injection.post()), user.substring(open + "<post>\n".length(), close));
        assertTrue(!prompt.system().contains(injection.post()), "the post never reaches the system message");
      }
    }
  }

  private static Set<String> cited(String paragraph) {
    Set<String> out = new TreeSet<>();
    Matcher m = CITED.matcher(paragraph);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
