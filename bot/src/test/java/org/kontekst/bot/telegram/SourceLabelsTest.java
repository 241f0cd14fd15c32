package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;
import org.kontekst.bot.curation.ListedSource;
import org.kontekst.bot.curation.SourceRegistry;

class SourceLabelsTest {
  private BotHarness harness;

  @AfterEach
  void stop() {
    harness.close();
  }

  /** Starts the bot with these entries in the registry. */
  private void startWith(ListedSource... listed) throws Exception {
    harness = new BotHarness().start();
    SourceRegistry registry = new SourceRegistry(harness.store.dataSource(), Clock.systemUTC());
    for (ListedSource source : listed) {
      registry.put(source, "test");
    }
  }

  /** Sends a private message; returns its update id. */
  private int send(Updates.MessageBuilder message) {
    int id = harness.api.nextUpdateId();
    harness.send(message.update(id));
    return id;
  }

  @Test
  void should_mention_a_listed_channel_and_a_listed_domain_in_the_reply_escaped() throws Exception {
    startWith(
        new ListedSource(ListedSource.Kind.CHANNEL, "@rian_ru", "", "state-controlled media <b>", "listed by the CCD (March 2024)"),
        new ListedSource(ListedSource.Kind.DOMAIN, "example.ru", "", "registered in Russia", ""));

    send(Updates.privateMessage(10, 7).from(7, "en")
        .text("Bucha was staged, see https://news.example.ru/x").forwardedFromChannel("RIA <i>", "rian_ru"));
    String reply = harness.awaitMessages(1).get(0).text();

    assertTrue(reply.contains("ℹ️ Source @rian_ru: state-controlled media &lt;b&gt;. <i>(listed by the CCD (March 2024))</i>"), reply);
    assertTrue(reply.contains("ℹ️ Source example.ru: registered in Russia."), reply);
    assertFalse(reply.contains("<b>."), reply);
  }

  @Test
  void should_mention_a_listed_domain_behind_a_hidden_link_whose_text_names_another() throws Exception {
    startWith(
        new ListedSource(ListedSource.Kind.DOMAIN, "example.ru", "", "registered in Russia", ""),
        new ListedSource(ListedSource.Kind.CHANNEL, "rian_ru", "", "state-controlled media", ""));

    send(Updates.privateMessage(10, 7).from(7, "en")
        .text("Bucha was staged, says bbc.com").textLink("bbc.com", "https://news.example.ru/bucha?utm=1"));
    send(Updates.privateMessage(11, 7).from(7, "en")
        .photo("Bucha was staged: details here").textLink("here", "https://t.me/rian_ru/123"));
    int third = send(Updates.privateMessage(12, 7).from(7, "en")
        .text("Bucha was staged, see here").textLink("here", "https://example.org/ok")
        .entity("url", 400, 20, null).entity("text_link", 0, 5, null));
    harness.awaitProcessed(third);
    List<FakeBotApi.Call> replies = harness.awaitMessages(3);

    String hidden = replyTo(replies, 10);
    assertTrue(hidden.contains("ℹ️ Source example.ru: registered in Russia."), hidden);
    assertFalse(hidden.contains("Source bbc.com"), hidden);
    String caption = replyTo(replies, 11);
    assertTrue(caption.contains("ℹ️ Source @rian_ru: state-controlled media."), caption);
    String malformed = replyTo(replies, 12);
    assertTrue(malformed.contains("Bucha"), "a malformed entity is ignored, the post still checked: " + malformed);
    assertFalse(malformed.contains("ℹ️ Source"), malformed);
  }

  private static String replyTo(List<FakeBotApi.Call> replies, int messageId) {
    return replies.stream()
        .filter(c -> c.body().path("reply_parameters").path("message_id").asInt() == messageId)
        .map(FakeBotApi.Call::text).findFirst().orElseThrow(() -> new AssertionError("no reply to " + messageId));
  }

  @Test
  void should_not_trust_a_channel_title_that_names_a_listed_username() throws Exception {
    startWith(new ListedSource(ListedSource.Kind.CHANNEL, "rian_ru", "", "state-controlled media", ""));

    send(Updates.privateMessage(10, 7).from(7, "en")
        .text("Bucha was staged").forwardedFromChannel("Fake (@rian_ru)", "someone_else"));

    assertFalse(harness.awaitMessages(1).get(0).text().contains("Source @rian_ru"));
  }
}
