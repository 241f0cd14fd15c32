package org.kontekst.bot.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.curation.Retention;
import org.kontekst.bot.curation.RetentionPolicy;

class QueueCommandTest {

  private static void sql(CurationFixture f, String statement) throws Exception {
    try (var c = f.store.dataSource().getConnection(); var st = c.createStatement()) {
      st.executeUpdate(statement);
    }
  }

  @Test
  void should_say_that_the_text_is_past_its_retention_when_the_posts_sent_to_volunteers_are_gone() throws Exception {
    try (CurationFixture f = new CurationFixture().withRoles()) {
      sql(f, "INSERT INTO queue_item (fingerprint, language, unmatched, sent, first_seen, last_seen)"
          + " VALUES (X'01', 'uk', 1, 1, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00')");
      sql(f, "INSERT INTO tg_volunteer_post (created_at, reply_id, text, interface_language, user_hash, queue_item_id)"
          + " VALUES (TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 1, 'a post from long ago', 'uk', 'h', (SELECT MAX(id) FROM queue_item))");
      sql(f, "INSERT INTO queue_item (fingerprint, language, unmatched, sent, first_seen, last_seen)"
          + " VALUES (X'02', 'en', 3, 0, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00')");
      String before = f.say(CurationFixture.CURATOR, "/queue");

      new Retention(f.store.dataSource(), RetentionPolicy.DEFAULT, Clock.systemUTC()).purge();
      String after = f.say(CurationFixture.CURATOR, "/queue");

      assertTrue(before.contains("a post from long ago"), before);
      assertTrue(after.contains("2× (1 without a match, 1 sent to volunteers)"), "the counts stay: " + after);
      assertTrue(after.contains("Text no longer kept: the posts sent to volunteers are past their retention."), after);
      assertTrue(after.contains("Text not kept: nobody sent this post to volunteers."), after);
    }
  }
}
