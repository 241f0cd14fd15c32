package org.kontekst.bot.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kontekst.bot.telegram.FakeChecker;

/**
 * Runs the end-to-end benchmarks (long polling, webhook) with the fake checker, only when asked:
 * {@code mvn -pl bot -am test -Dtest=TelegramBenchmarkRun -Dkontekst.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints the figures and asserts no timing.
 */
class TelegramBenchmarkRun {

  @Test
  @EnabledIfSystemProperty(named = "kontekst.bench", matches = "true")
  void measure() throws Exception {
    int rate = Integer.getInteger("kontekst.bench.rate", 250);
    int posts = Integer.getInteger("kontekst.bench.posts", 3000);
    TelegramBenchmark.Result paced = TelegramBenchmark.run(new FakeChecker(), 0.5, posts, rate);
    System.out.println("offered " + rate + "/s: " + paced);
    TelegramBenchmark.Result flat = TelegramBenchmark.run(new FakeChecker(), 0.5, posts, 0);
    System.out.println("all at once: " + flat);
    assertTrue(paced.posts() == posts && flat.posts() == posts);
  }

  @Test
  @EnabledIfSystemProperty(named = "kontekst.bench", matches = "true")
  void measure_webhook() throws Exception {
    int rate = Integer.getInteger("kontekst.bench.rate", 250);
    int posts = Integer.getInteger("kontekst.bench.posts", 3000);
    List<String> texts = List.of("Bucha was staged", "The Kyiv regime is horrifying", "grain deal", "a post about nothing");
    for (int instances : new int[] {1, 2}) {
      TelegramBenchmark.Result paced = WebhookBenchmark.run(new FakeChecker(), 0.5, posts, rate, texts, instances, () -> {});
      System.out.println("webhook, " + instances + " instance(s), offered " + rate + "/s: " + paced);
      TelegramBenchmark.Result flat = WebhookBenchmark.run(new FakeChecker(), 0.5, posts, 0, texts, instances, () -> {});
      System.out.println("webhook, " + instances + " instance(s), all at once: " + flat);
      assertTrue(paced.posts() == posts && flat.posts() == posts);
    }
  }
}
