package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.Updates;
import org.kontekst.bot.curation.ListedSource;
import org.kontekst.bot.curation.SourceRegistry;

class SourceLabelsTest {
  private BotHarness harness;

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void should_mention_a_listed_channel_and_a_listed_domain_in_the_reply_escaped() throws Exception {
    harness = new BotHarness().start();
    SourceRegistry registry = new SourceRegistry(harness.store.dataSource(), Clock.systemUTC());
    registry.put(new ListedSource(ListedSource.Kind.CHANNEL, "@rian_ru", "", "state-controlled media <b>", "listed by the CCD (March 2024)"), "test");
    registry.put(new ListedSource(ListedSource.Kind.DOMAIN, "example.ru", "", "registered in Russia", ""), "test");

    int id = harness.api.nextUpdateId();
    harness.send(Updates.privateMessage(10, 7).from(7, "en")
        .text("Bucha was staged, see https://news.example.ru/x").forwardedFromChannel("RIA <i>", "rian_ru").update(id));
    String reply = harness.awaitMessages(1).get(0).text();

    assertTrue(reply.contains("ℹ️ Source @rian_ru: state-controlled media &lt;b&gt;. <i>(listed by the CCD (March 2024))</i>"), reply);
    assertTrue(reply.contains("ℹ️ Source example.ru: registered in Russia."), reply);
    assertFalse(reply.contains("<b>."), reply);
  }

  @Test
  void should_not_trust_a_channel_title_that_names_a_listed_username() throws Exception {
    harness = new BotHarness().start();
    new SourceRegistry(harness.store.dataSource(), Clock.systemUTC())
        .put(new ListedSource(ListedSource.Kind.CHANNEL, "rian_ru", "", "state-controlled media", ""), "test");

    int id = harness.api.nextUpdateId();
    harness.send(Updates.privateMessage(10, 7).from(7, "en")
        .text("Bucha was staged").forwardedFromChannel("Fake (@rian_ru)", "someone_else").update(id));

    assertFalse(harness.awaitMessages(1).get(0).text().contains("Source @rian_ru"));
  }
}
