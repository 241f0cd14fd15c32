package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.bot.app.Engine;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;
import org.kontekst.knowledge.ingest.ArticleImporter;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.KnowledgeStore;

/**
 * The real engine on the demo knowledge base behind two webhook instances taking turns, with one
 * Bot API call in ten failing (429, 500, 502) and some updates delivered twice, to different
 * instances: every post is answered exactly once, with the article it matches.
 */
class WebhookExactlyOnceTest {
  private static final String DEMO = "https://example.org/kontekst-demo/";
  /** Posts and the demo article each must be answered with ("" for none). */
  private static final List<String[]> POSTS =
      List.of(
          new String[] {"Путін і Кім Чен Ин підписали в Пхеньяні договір про всеосяжне стратегічне партнерство.", "putin-kim-treaty-2024"},
          new String[] {"MH17 was shot down by a Ukrainian jet over Donetsk region, not by a Buk missile from Russia.", "mh17-downing"},
          new String[] {"Каховську ГЕС підірвали ЗСУ, а не російські війська, Нова Каховка під водою.", "kakhovka-dam"},
          new String[] {"Буча — постановка, тіла на Яблунській вулиці підкинули після відходу російських військ.", "bucha-occupation"},
          new String[] {"Our cat Murzik learned to open the fridge and ate all the cheese on Sunday.", ""});

  @TempDir Path data;

  @Test
  void should_answer_every_post_exactly_once_across_two_instances_despite_failing_sends() throws Exception {
    Path demo = Path.of("..", "demo", "kb");
    assumeTrue(Files.isDirectory(demo), "demo/kb is missing (tests run from the module folder)");
    try (KnowledgeStore store = KnowledgeStore.open(data)) {
      new ArticleImporter(store.articles(), LanguageDetector.standard()).importPaths(List.of(demo));
    }
    try (Engine engine = Engine.open(data);
        WebhookHarness harness = new WebhookHarness(engine.store())) {
      // given
      WebhookConfig config = WebhookHarness.config(Duration.ofSeconds(5));
      WebhookHarness.Instance a = harness.start(engine.checker(), engine.threshold(), SendLimits.unlimited(), config);
      WebhookHarness.Instance b = harness.start(engine.checker(), engine.threshold(), SendLimits.unlimited(), config);
      harness.route(a, b);
      harness.api.failRandomly("sendMessage", 0.1, 7);
      Map<FakeBotApi.Answer, String> expected = new HashMap<>();

      // when
      for (int i = 0; i < 50; i++) {
        long chat = 1000 + i;
        String[] post = POSTS.get(i % POSTS.size());
        ObjectNode update =
            Updates.privateMessage(i + 1, chat).from(chat, i % 2 == 0 ? "uk" : "en").text(post[0]).update(harness.api.nextUpdateId());
        harness.push(update);
        if (i % 5 == 0) {
          harness.push(update);
        }
        expected.put(new FakeBotApi.Answer(chat, i + 1), post[1]);
      }
      harness.awaitAnswers(new ArrayList<>(expected.keySet()), Duration.ofSeconds(60));
      harness.awaitCount("SELECT COUNT(*) FROM tg_outbox", 0, Duration.ofSeconds(30));

      // then
      assertEquals(60, harness.api.webhook().accepted(), "50 posts, 10 of them delivered twice");
      Map<FakeBotApi.Answer, Integer> answers = harness.api.answers();
      assertEquals(expected.size(), answers.size(), "no stray replies");
      for (FakeBotApi.Answer answer : expected.keySet()) {
        assertEquals(1, answers.get(answer), "replies to " + answer);
      }
      for (FakeBotApi.Call call : harness.api.calls("sendMessage")) {
        if (!call.accepted()) {
          continue;
        }
        String article = expected.get(new FakeBotApi.Answer(call.chatId(), call.replyTo()));
        if (article.isEmpty()) {
          assertFalse(call.text().contains(DEMO), call.text());
        } else {
          assertTrue(call.text().contains(DEMO + article), article + " in\n" + call.text());
        }
      }
      assertTrue(harness.api.calls("sendMessage").stream().anyMatch(c -> !c.accepted()), "some sends failed and were retried");
      assertEquals(10.0, a.count("kontekst.inbox", "event", "repeated") + b.count("kontekst.inbox", "event", "repeated"));
      assertEquals(0.0, a.count("kontekst.sends.ambiguous") + b.count("kontekst.sends.ambiguous"));
    }
  }
}
