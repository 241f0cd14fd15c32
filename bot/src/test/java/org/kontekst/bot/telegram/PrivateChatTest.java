package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;

class PrivateChatTest {
  private BotHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = new BotHarness().start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void should_answer_a_forwarded_post_with_the_match_flags_and_source() throws Exception {
    // given
    int id = harness.api.nextUpdateId();
    harness.send(
        Updates.privateMessage(10, 501)
            .from(501, "en")
            .text("Bucha was staged by the Kyiv regime!")
            .forwardedFromChannel("Fake <News> & Co", "fakenews")
            .update(id));

    // when
    List<FakeBotApi.Call> sent = harness.awaitMessages(1);

    // then
    assertEquals(1, sent.size(), FakeBotApi.describe(harness.api.calls()));
    JsonNode body = sent.get(0).body();
    String html = body.path("text").asText();
    assertTrue("HTML".equalsIgnoreCase(body.path("parse_mode").asText()), body.toString());
    assertTrue(body.path("link_preview_options").path("is_disabled").asBoolean(), body.toString());
    assertEquals(10, body.path("reply_parameters").path("message_id").asInt());
    assertTrue(html.contains("<a href=\"https://example.org/bucha?a=1&amp;b=2\">What happened in Bucha</a>"), html);
    assertTrue(html.contains("Example Outlet · 4 Apr 2022"), html);
    assertTrue(html.contains("<blockquote>Satellite images show the bodies were there &lt;before&gt; the retreat.</blockquote>"), html);
    assertTrue(html.contains("Forwarded from <i>Fake &lt;News&gt; &amp; Co (@fakenews)</i>"), html);
    assertTrue(html.contains("“Kyiv regime”"), html);
    assertTrue(html.contains("a misnaming"), html);
    assertTrue(html.contains("Neutral wording: the Ukrainian government."), html);
    JsonNode keyboard = body.path("reply_markup").path("inline_keyboard");
    assertEquals("👍 Helpful", keyboard.get(0).get(0).path("text").asText());
    assertEquals("👎 Not relevant", keyboard.get(0).get(1).path("text").asText());
    assertEquals("🙋 Send to volunteers", keyboard.get(1).get(0).path("text").asText());
  }

  @Test
  void should_check_the_caption_of_a_photo() throws Exception {
    harness.send(Updates.privateMessage(11, 502).from(502, "en").photo("Photos from Bucha").update(harness.api.nextUpdateId()));

    List<FakeBotApi.Call> sent = harness.awaitMessages(1);

    assertEquals(1, sent.size());
    assertTrue(sent.get(0).text().contains("What happened in Bucha"), sent.get(0).text());
  }

  @Test
  void should_say_honestly_when_nothing_matches_and_offer_checks_that_fit() throws Exception {
    harness.send(
        Updates.privateMessage(12, 503)
            .from(503, "uk")
            .text("ШОКУЮЧА новина!!! 80% людей вже знають це з 2014 року")
            .forwardedFromHiddenUser("Anon")
            .update(harness.api.nextUpdateId()));

    String html = harness.awaitMessages(1).get(0).text();

    assertTrue(html.contains("нічого про це немає"), html);
    assertTrue(html.contains("Джерело не назване"), html);
    assertTrue(html.contains("числа"), html);
    assertTrue(html.contains("емоці") || html.contains("збурити"), html);
    assertTrue(html.contains("Надіслати волонтерам"), html);
    assertTrue(html.contains("Переслано з <i>Anon</i>"), html);
  }

  @Test
  void should_escape_hostile_text_everywhere_it_is_echoed() throws Exception {
    harness.send(
        Updates.privateMessage(13, 504)
            .from(504, "en")
            .text("<b>Kyiv regime</b> <a href=\"javascript:x\">x</a> &amp;")
            .forwardedFromUser("<script>alert(1)</script>", null)
            .update(harness.api.nextUpdateId()));

    String html = harness.awaitMessages(1).get(0).text();

    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("javascript"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertTrue(html.matches("(?s)(?:[^<]|<(?:/?(?:b|i|a|blockquote)(?: href=\"[^\"]*\")?)>)*"), html);
  }

  @Test
  void should_split_a_long_reply_cleanly_and_keep_the_buttons_on_the_last_part() throws Exception {
    harness.send(Updates.privateMessage(14, 505).from(505, "en").text("many matches please").update(harness.api.nextUpdateId()));

    List<FakeBotApi.Call> sent = harness.api.await("sendMessage", 2, java.time.Duration.ofSeconds(10));
    Thread.sleep(200);
    sent = harness.api.calls("sendMessage");

    assertTrue(sent.size() >= 2, FakeBotApi.describe(sent));
    int total = 0;
    for (int i = 0; i < sent.size(); i++) {
      String part = sent.get(i).text();
      total += part.length();
      assertTrue(part.length() <= 4096, "part " + i + " has " + part.length());
      assertEquals(count(part, "<blockquote>"), count(part, "</blockquote>"), part);
      assertEquals(count(part, "<a "), count(part, "</a>"), part);
      assertFalse(part.matches("(?s).*<[^>]*$"), "cut inside a tag: " + part);
      assertEquals(i == sent.size() - 1, sent.get(i).body().has("reply_markup"), "buttons on part " + i);
    }
    assertTrue(total > 5000, "the reply should be long: " + total);
  }

  @Test
  void should_refuse_an_invalid_post_politely() throws Exception {
    harness.send(Updates.privateMessage(15, 506).from(506, "en").text("binary garbage").update(harness.api.nextUpdateId()));

    String html = harness.awaitMessages(1).get(0).text();

    assertTrue(html.startsWith("I can't check this post: the post looks like binary data"), html);
  }

  @Test
  void should_ask_for_text_when_a_photo_has_no_caption() throws Exception {
    harness.send(Updates.privateMessage(16, 507).from(507, "en").photo(null).update(harness.api.nextUpdateId()));

    String html = harness.awaitMessages(1).get(0).text();

    assertTrue(html.startsWith("I can only check text."), html);
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
