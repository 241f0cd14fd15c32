package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.knowledge.store.TestDatabase;

/** The curation queue through the fake Bot API: clustering, /queue, /link, /dismiss, notify-back. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class QueueTest {
  private static final long CURATOR = 900;
  private static final String VIRAL =
      "Ukrainian soldiers are selling Western weapons on the dark web, a leaked report from the"
          + " ministry reveals, and the buyers are terrorists in the Middle East";
  private static final String REWORDED =
      "BREAKING!!! Ukrainian soldiers are selling western weapons on the dark web, a leaked report"
          + " from the ministry shows, and buyers are terrorists in the Middle East";
  private static final String UNRELATED =
      "Pensions in the occupied territories will be paid in roubles from next month, the local"
          + " administration announced on Tuesday";

  @Parameter TestDatabase database;

  private BotHarness harness;
  private int messageId = 10;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  /** Matches the viral post to an article once the article is "published" here. */
  static final class PublishingChecker implements Checker {
    final Set<String> published = ConcurrentHashMap.newKeySet();

    @Override
    public Report check(Post post, int maxMatches, double minScore) {
      List<Match> matches = new ArrayList<>();
      if (published.contains("kb-arms") && post.text().toLowerCase(Locale.ROOT).contains("weapons on the dark web")) {
        matches.add(new Match("kb-arms", "No, Western weapons are not sold on the dark web", "Outlet", "https://example.org/arms",
            LocalDate.of(2024, 3, 1), 0.9, "Passage."));
      }
      return new Report(post, "en", matches, List.of());
    }
  }

  private void publish(String id, String title) {
    Instant now = Instant.now();
    harness.store.articles().upsert(
        new Article(id, title, "Outlet", "https://example.org/" + id, LocalDate.of(2024, 3, 1), "en",
            "Body text.", "Body text.", List.of(), ArticleStatus.PUBLISHED, now, now));
  }

  /** A user forwards a post in private; returns the post and the reply's keyboard. */
  private record Sent(ObjectNode post, JsonNode keyboard) {}

  private Sent forward(long user, String text) throws Exception {
    int before = harness.api.calls("sendMessage").size();
    var post = Updates.privateMessage(++messageId, user).from(user, "en").text(text).forwardedFromChannel("Chan", "chan");
    int id = harness.api.nextUpdateId();
    harness.send(post.update(id));
    harness.awaitProcessed(id);
    List<FakeBotApi.Call> calls = harness.awaitMessages(before + 1);
    return new Sent(post.message(), calls.get(calls.size() - 1).body().path("reply_markup").path("inline_keyboard"));
  }

  private void press(long user, String data, ObjectNode repliedTo) throws Exception {
    int id = harness.api.nextUpdateId();
    harness.send(Updates.callback(id, "cb" + id, user, user, 5000 + id, data, repliedTo));
    harness.awaitProcessed(id);
  }

  /** Forwards a post and sends it to volunteers, with or without consent to be told. */
  private void sendToVolunteers(long user, String text, boolean tellMe) throws Exception {
    Sent sent = forward(user, text);
    press(user, sent.keyboard().get(1).get(0).path("callback_data").asText(), sent.post());
    List<FakeBotApi.Call> messages = harness.api.calls("sendMessage");
    JsonNode consent = messages.get(messages.size() - 1).body().path("reply_markup").path("inline_keyboard");
    press(user, consent.get(0).get(tellMe ? 0 : 1).path("callback_data").asText(), sent.post());
  }

  private String command(long user, String text) throws Exception {
    int before = harness.api.calls("sendMessage").size();
    int id = harness.api.nextUpdateId();
    harness.send(Updates.privateMessage(++messageId, user).from(user, "en").text(text).update(id));
    harness.awaitProcessed(id);
    List<FakeBotApi.Call> calls = harness.awaitMessages(before + 1);
    return calls.get(calls.size() - 1).text();
  }

  private long count(String sql) throws Exception {
    try (Connection c = harness.store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<FakeBotApi.Call> noticesTo(long chat, int atLeast) throws InterruptedException {
    return harness.api.await(
        c -> c.method().equalsIgnoreCase("sendMessage") && c.chatId() == chat && c.text().contains("About the post you sent"),
        atLeast, Duration.ofSeconds(atLeast == 0 ? 2 : 10));
  }

  @Test
  void should_cluster_reworded_viral_posts_into_one_item_without_keeping_their_text() throws Exception {
    harness = new BotHarness(database).admins(CURATOR).start();

    // given: the viral post three times (once reworded) from three people, and an unrelated one
    forward(1, VIRAL);
    forward(2, VIRAL);
    forward(3, REWORDED);
    forward(4, UNRELATED);
    forward(5, "short post");

    // then: two items, counted, and no text anywhere
    assertEquals(2, count("SELECT COUNT(*) FROM queue_item"));
    assertEquals(3, count("SELECT MAX(unmatched) FROM queue_item"));
    assertEquals(0, count("SELECT COUNT(*) FROM tg_volunteer_post"));

    // when: a curator lists the queue
    String queue = command(CURATOR, "/queue");

    // then: the viral item first, its text not shown because nobody sent it
    assertTrue(queue.startsWith("<b>The queue: 2 open items"), queue);
    assertTrue(queue.indexOf("3×") < queue.indexOf("1×"), queue);
    assertTrue(queue.contains("Text not kept"), queue);
    assertFalse(queue.contains("dark web"), queue);
  }

  @Test
  void should_tell_everyone_who_consented_once_when_a_curator_links_the_item() throws Exception {
    harness = new BotHarness(database).admins(CURATOR).start();
    publish("kb-arms", "No, Western weapons are not sold on the dark web");

    // given: three people send the viral post to volunteers; two want to be told, one twice
    sendToVolunteers(11, VIRAL, true);
    sendToVolunteers(12, REWORDED, true);
    sendToVolunteers(12, VIRAL, true);
    sendToVolunteers(13, VIRAL, false);
    assertEquals(1, count("SELECT COUNT(*) FROM queue_item"));
    long item = count("SELECT id FROM queue_item");
    String queue = command(CURATOR, "/queue");
    assertTrue(queue.contains("2 waiting to be told") || queue.contains("3 waiting to be told"), queue);
    assertTrue(queue.contains("dark web"), "consented text is shown to curators: " + queue);

    // when
    String linked = command(CURATOR, "/link " + item + " kb-arms");

    // then: one follow-up per person who asked, with the article, and none for the others
    assertEquals("Linked item " + item + " to kb-arms. 2 people will be told.", linked);
    FakeBotApi.Call notice = noticesTo(11, 1).get(0);
    assertTrue(notice.text().contains("No, Western weapons are not sold on the dark web"), notice.text());
    assertEquals(1, noticesTo(12, 1).size());
    assertEquals(0, noticesTo(13, 0).size());
    assertTrue(command(CURATOR, "/link " + item + " kb-arms").contains("already closed"));

    // and after a restart nothing is sent again, and the chat ids are gone
    harness.stopBot();
    harness.start();
    Thread.sleep(1500);
    assertEquals(1, noticesTo(11, 0).size());
    assertEquals(1, noticesTo(12, 0).size());
    assertEquals(0, count("SELECT COUNT(*) FROM tg_volunteer_post WHERE notify_chat_id IS NOT NULL"));
  }

  @Test
  void should_answer_queued_posts_when_a_matching_article_is_published() throws Exception {
    PublishingChecker checker = new PublishingChecker();
    harness = new BotHarness(database).checker(checker).admins(CURATOR).start();
    sendToVolunteers(21, VIRAL, true);
    sendToVolunteers(22, UNRELATED, true);

    // when: the article is published and the index knows it
    publish("kb-arms", "No, Western weapons are not sold on the dark web");
    checker.published.add("kb-arms");
    int linked = harness.conversation().queue().articlePublished("kb-arms");

    // then: only the matching item is answered
    assertEquals(1, linked);
    assertEquals(1, noticesTo(21, 1).size());
    assertEquals(0, noticesTo(22, 0).size());
    assertEquals(1, count("SELECT COUNT(*) FROM queue_item WHERE status = 'OPEN'"));
  }

  @Test
  void should_tell_who_asked_that_volunteers_looked_when_an_item_is_dismissed() throws Exception {
    harness = new BotHarness(database).admins(CURATOR).start();
    sendToVolunteers(31, UNRELATED, true);
    long item = count("SELECT id FROM queue_item");

    assertTrue(command(CURATOR, "/dismiss #" + item).startsWith("Dismissed item " + item + ". 1 people"));

    assertEquals(1, harness.api.await(
        c -> c.method().equalsIgnoreCase("sendMessage") && c.chatId() == 31 && c.text().startsWith("Volunteers looked"),
        1, Duration.ofSeconds(10)).size());
  }

  @Test
  void should_check_the_role_before_anything_and_give_the_usage_line_for_bad_arguments() throws Exception {
    harness = new BotHarness(database).admins(CURATOR).start();
    forward(1, VIRAL);

    for (String c : List.of("/queue", "/link 1 kb-arms", "/dismiss 1", "/queue <b>x</b>")) {
      assertEquals("Only a curator or above may use this command. If you should have the role, ask an admin.", command(2, c));
    }
    assertEquals(1, count("SELECT COUNT(*) FROM queue_item WHERE status = 'OPEN'"));
    assertTrue(command(CURATOR, "/link 1").startsWith("Send /link ITEM ARTICLE-ID"));
    assertTrue(command(CURATOR, "/link 1 <script>").startsWith("Send /link ITEM ARTICLE-ID"));
    assertTrue(command(CURATOR, "/dismiss x").startsWith("Send /dismiss ITEM"));
    assertTrue(command(CURATOR, "/queue 999").startsWith("Send /queue"));
    assertEquals("There is no published article “kb-none”.", command(CURATOR, "/link 1 kb-none"));
    assertTrue(command(CURATOR, "/dismiss 77").startsWith("There is no queue item 77"));
  }

  @Test
  void should_show_moderators_aggregate_statistics_only() throws Exception {
    harness = new BotHarness(database).admins(CURATOR).start();
    forward(1, "Bucha was staged by the Kyiv regime, they say in this post");
    forward(2, VIRAL);
    forward(3, VIRAL);

    String stats = command(CURATOR, "/stats");

    assertTrue(stats.contains("en: 3 checks (0.4 a day), 33% with a match"), stats);
    assertTrue(stats.contains("1. kb-101-bucha — 1"), stats);
    assertTrue(stats.contains("1. misnaming: kyiv regime — 1"), stats);
    assertTrue(stats.contains("Queue: 1 open items; 0 people waiting"), stats);
    assertEquals("Only a moderator or above may use this command. If you should have the role, ask an admin.", command(2, "/stats"));
    assertTrue(command(CURATOR, "/stats 0").startsWith("Send /stats"));
  }
}
