package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.store.KnowledgeStore;
import picocli.CommandLine;

class PurgeCliTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute(args);
  }

  private void post(Path data, int daysAgo) throws Exception {
    try (KnowledgeStore store = KnowledgeStore.open(data);
        var c = store.dataSource().getConnection();
        var ps = c.prepareStatement(
            "INSERT INTO tg_volunteer_post (created_at, reply_id, text, interface_language, user_hash)"
                + " VALUES (?, ?, 'a post', 'en', 'h')")) {
      ps.setObject(1, OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofDays(daysAgo)), ZoneOffset.UTC));
      ps.setLong(2, daysAgo);
      ps.executeUpdate();
    }
  }

  @Test
  void should_delete_volunteer_posts_past_the_configured_maximum() throws Exception {
    Path data = tmp.resolve("data");
    post(data, 20);
    post(data, 8);

    assertEquals(0, run(Map.of("KONTEKST_VOLUNTEER_TEXT_DAYS", "5", "KONTEKST_VOLUNTEER_MAX_DAYS", "10"), "purge", "--data", data.toString()));

    assertTrue(out.toString().contains("erased the text of 0 volunteer posts answered more than 5 days ago; deleted 1 sent more than 10 days ago"), out.toString());
  }

  @Test
  void should_refuse_bad_retention_settings_naming_the_variable() {
    String data = tmp.resolve("data").toString();

    assertEquals(2, run(Map.of("KONTEKST_VOLUNTEER_MAX_DAYS", "ninety"), "purge", "--data", data));
    assertEquals(2, run(Map.of("KONTEKST_VOLUNTEER_TEXT_DAYS", "60", "KONTEKST_VOLUNTEER_MAX_DAYS", "45"), "purge", "--data", data));
    assertEquals(2, run(Map.of("KONTEKST_VOLUNTEER_TEXT_DAYS", "0"), "purge", "--data", data));

    assertTrue(out.toString().contains("KONTEKST_VOLUNTEER_MAX_DAYS must be a number of days from 1 to 3650: ninety"), out.toString());
    assertTrue(out.toString().contains("KONTEKST_VOLUNTEER_TEXT_DAYS (60) must not exceed KONTEKST_VOLUNTEER_MAX_DAYS (45)"), out.toString());
    assertTrue(out.toString().contains("KONTEKST_VOLUNTEER_TEXT_DAYS must be a number of days from 1 to 3650: 0"), out.toString());
  }
}
