package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.Button;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.knowledge.store.KnowledgeStore;

/**
 * The inbox and outbox SQL on a real H2 file: who wins a claim, what an instance that lost its
 * lease can no longer do. The statements are portable; the same sequence passed on PostgreSQL 15.
 */
class InboxRepositoryTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final UpdateHandler.Reply REPLY =
      new UpdateHandler.Reply(
          ChatKind.PRIVATE,
          List.of(
              new Action.SendText(5, 9, "<b>x</b>", List.of(List.of(new Button("a", "b")))),
              new Action.AnswerCallback("q", "t", false)));

  @TempDir Path data;
  private KnowledgeStore store;
  private InboxRepository inbox;
  private OutboxRepository outbox;

  @BeforeEach
  void open() {
    store = KnowledgeStore.open(data);
    inbox = new InboxRepository(store.dataSource());
    outbox = new OutboxRepository(store.dataSource());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void should_record_an_update_id_once() {
    assertTrue(inbox.record(1, "{\"update_id\":1}", "A", NOW, NOW.plus(LEASE)));

    assertFalse(inbox.record(1, "{\"update_id\":1}", "B", NOW, NOW.plus(LEASE)));
  }

  @Test
  void should_let_one_instance_take_over_an_expired_update_and_fence_off_its_old_owner() {
    inbox.record(1, "{\"update_id\":1}", "A", NOW, NOW.plus(LEASE));
    assertEquals(List.of(), inbox.due(NOW, 10), "not due while leased");
    Instant later = NOW.plus(LEASE).plusSeconds(1);

    Optional<InboxRepository.Claimed> b = inbox.claim(1, "B", later, later.plus(LEASE));

    assertTrue(b.isPresent());
    assertEquals(2, b.get().claims());
    assertEquals("{\"update_id\":1}", b.get().payload());
    assertEquals(Optional.empty(), inbox.claim(1, "C", later, later.plus(LEASE)), "a second claimer loses");
    assertEquals(0, inbox.renew(List.of(1L), "A", later.plus(LEASE)), "the old owner cannot renew");
    assertEquals(Optional.empty(), inbox.complete(1, "A", REPLY, later, later.plus(LEASE)), "nor complete");
    assertEquals(2, inbox.complete(1, "B", REPLY, later, later.plus(LEASE)).orElseThrow().size());
    assertEquals(2, outbox.pending());
  }

  @Test
  void should_not_count_a_released_update_as_a_claim() {
    inbox.record(2, "{}", "A", NOW, NOW.plus(LEASE));

    inbox.release(List.of(2L), "A", NOW);

    assertEquals(1, inbox.claim(2, "B", NOW.plusSeconds(1), NOW.plus(LEASE)).orElseThrow().claims());
  }

  @Test
  void should_count_attempts_for_the_owner_only_and_hand_calls_over_in_order() {
    inbox.record(1, "{}", "A", NOW, NOW.plus(LEASE));
    List<OutboxRow> rows = inbox.complete(1, "A", REPLY, NOW, NOW.plus(LEASE)).orElseThrow();
    assertTrue(outbox.attempt(rows.get(0), "A", NOW.plus(LEASE)));
    assertFalse(outbox.attempt(rows.get(0), "B", NOW.plus(LEASE)), "not B's call");
    Instant later = NOW.plus(LEASE).plusSeconds(1);

    List<OutboxRow> taken = outbox.claim(1, "C", later, later.plus(LEASE));

    assertEquals(List.of(1, 0), taken.stream().map(OutboxRow::attempts).toList());
    assertEquals(REPLY.actions(), taken.stream().map(OutboxRow::action).toList());
    assertEquals(List.of(), outbox.claim(1, "D", later, later.plus(LEASE)), "a second claimer loses");
    assertEquals(List.of(taken.get(0)), outbox.removeAll(List.of(taken.get(0)), "A"), "the old owner cannot mark it sent");
    assertFalse(outbox.attempt(taken.get(1), "A", later.plus(LEASE)), "nor make the next call");
    assertEquals(List.of(), outbox.removeAll(List.of(taken.get(0)), "C"));
    assertEquals(1, outbox.pending());
  }

  @Test
  void should_purge_done_updates_only_after_the_retention() {
    inbox.record(1, "{}", "A", NOW, NOW.plus(LEASE));
    inbox.record(2, "{}", "A", NOW, NOW.plus(LEASE));
    inbox.complete(1, "A", UpdateHandler.Reply.NONE, NOW, NOW.plus(LEASE));

    assertEquals(0, inbox.purge(NOW));
    assertEquals(1, inbox.purge(NOW.plusSeconds(1)), "the done one, not the one still owed");
  }
}
