package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.TestDatabase;

/**
 * Which pacing webhook instances use, with Telegram's limits: through the database when it is
 * shared (PostgreSQL), in memory on H2, where there is one process.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class WebhookPacingTest {
  private static final long CHAT = 7;

  @Parameter TestDatabase database;
  @TempDir Path data;

  private KnowledgeStore store;
  private WebhookHarness harness;

  @BeforeEach
  void start() throws Exception {
    store = database.isPostgresql() ? database.open() : KnowledgeStore.open(data);
    harness = new WebhookHarness(store);
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
    store.close();
  }

  @Test
  void should_pace_two_instances_through_a_shared_database_only() throws Exception {
    WebhookConfig config = WebhookHarness.config(Duration.ofSeconds(30));
    WebhookHarness.Instance a = harness.start(new FakeChecker(), SendLimits.telegram(), config);
    WebhookHarness.Instance b = harness.start(new FakeChecker(), SendLimits.telegram(), config);
    harness.route(a, b);
    List<FakeBotApi.Answer> posts = new ArrayList<>();

    for (int message = 1; message <= 4; message++) {
      harness.push(Updates.privateMessage(message, CHAT).from(CHAT, "en").text("Bucha " + message).update(harness.api.nextUpdateId()));
      posts.add(new FakeBotApi.Answer(CHAT, message));
    }
    harness.awaitAnswers(posts, Duration.ofSeconds(20));

    long expected = database.isPostgresql() ? 1 : 0;
    assertEquals(expected, harness.count("SELECT COUNT(*) FROM tg_send_pace WHERE pacer = 'chat' AND pace_key = " + CHAT));
    assertEquals(expected, harness.count("SELECT COUNT(*) FROM tg_send_pace WHERE pacer = 'global' AND pace_key = 0"));
  }
}
