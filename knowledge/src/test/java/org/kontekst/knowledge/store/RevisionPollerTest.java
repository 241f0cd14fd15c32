package org.kontekst.knowledge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** The revision counters and their poller on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class RevisionPollerTest {
  @Parameter TestDatabase database;

  private KnowledgeStore store;
  private Revisions revisions;

  @BeforeEach
  void open() {
    store = database.open();
    revisions = new Revisions(store.dataSource());
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private void bump(String topic) {
    Transactions.inTransaction(store.dataSource(), "bump " + topic, c -> {
      Revisions.bump(c, topic);
      return null;
    });
  }

  @Test
  void should_count_each_topic_on_its_own() {
    Map<String, Long> before = revisions.read();
    assertEquals(Revisions.TOPICS, List.copyOf(before.keySet()));

    bump(Revisions.LEXICON);

    Map<String, Long> after = revisions.read();
    assertEquals(before.get(Revisions.LEXICON) + 1, after.get(Revisions.LEXICON));
    assertEquals(before.get(Revisions.ALIASES), after.get(Revisions.ALIASES));
    assertEquals(before.get(Revisions.ARTICLES), after.get(Revisions.ARTICLES));
    assertThrows(IllegalArgumentException.class, () -> bump(Revisions.ARTICLES));
  }

  @Test
  void should_run_a_topics_handlers_once_per_change() {
    RevisionPoller poller = new RevisionPoller(revisions);
    AtomicInteger lexicon = new AtomicInteger();
    AtomicInteger aliases = new AtomicInteger();
    poller.on(Revisions.LEXICON, lexicon::incrementAndGet);
    poller.on(Revisions.ALIASES, aliases::incrementAndGet);

    assertFalse(poller.catchUp(Revisions.LEXICON), "nothing changed since it was made");
    bump(Revisions.LEXICON);
    assertTrue(poller.catchUp(Revisions.LEXICON));
    poller.poll();

    assertEquals(1, lexicon.get(), "applied by the writer's catch-up, not again by the poll");
    assertEquals(0, aliases.get());
  }

  @Test
  void should_apply_a_topic_again_after_its_handler_failed() {
    RevisionPoller poller = new RevisionPoller(revisions);
    AtomicInteger calls = new AtomicInteger();
    poller.on(Revisions.ALIASES, () -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("first try fails");
      }
    });
    bump(Revisions.ALIASES);

    assertThrows(IllegalStateException.class, () -> poller.catchUp(Revisions.ALIASES));
    poller.poll();
    poller.poll();

    assertEquals(2, calls.get(), "failed once, applied by the next poll, then nothing left to do");
  }
}
