package org.kontekst.knowledge.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.TestDatabase;

/**
 * The curator layer on a real database, H2 and PostgreSQL: additions and removals take effect
 * without a restart.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class CuratedLexiconTest {
  private static final LexiconEntry ZOMBOYASHCHIK = new LexiconEntry("ru", "pejorative",
      List.of("зомбоящик~"), "\"Zomboyashchik\" mocks television as a brainwashing device.",
      "«Зомбоящик» висміює телебачення як засіб промивання мізків.", "телевидение", "");

  @Parameter TestDatabase database;

  private KnowledgeStore store;
  private CuratedLexicon lexicon;

  @BeforeEach
  void open() {
    store = database.open();
    lexicon = Wording.withStore(store.dataSource());
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void should_flag_a_curator_entry_as_soon_as_it_is_added() {
    // given
    String post = "Вечером по зомбоящику опять показали ток-шоу.";
    assertEquals(List.of(), lexicon.detect(post, "ru"));

    // when
    CuratedEntry added = lexicon.add(ZOMBOYASHCHIK, "curator-1");

    // then
    List<Flag> flags = lexicon.detect(post, "ru");
    assertEquals(1, flags.size());
    assertEquals("зомбоящику", flags.get(0).text());
    assertEquals("телевидение", flags.get(0).suggestion());
    assertEquals(List.of(added), lexicon.list());
    assertEquals("curator-1", added.curator());
  }

  @Test
  void should_stop_flagging_a_removed_entry() {
    // given
    CuratedEntry added = lexicon.add(ZOMBOYASHCHIK, "curator-1");

    // when
    boolean removed = lexicon.remove(added.id());

    // then
    assertTrue(removed);
    assertFalse(lexicon.remove(added.id()));
    assertEquals(List.of(), lexicon.detect("Опять этот зомбоящик.", "ru"));
    assertEquals(List.of(), lexicon.list());
  }

  @Test
  void should_keep_curator_entries_for_the_next_detector_on_the_same_store() {
    // given
    lexicon.add(ZOMBOYASHCHIK, "curator-1");

    // when
    CuratedLexicon restarted = Wording.withStore(store.dataSource());

    // then
    assertEquals(1, restarted.detect("Опять этот зомбоящик.", "ru").size());
  }

  @Test
  void should_let_an_allow_entry_shield_a_phrase() {
    // given
    String post = "The Kiev Symphony Orchestra toured Japan.";
    assertEquals(1, lexicon.detect(post, "en").size());

    // when
    lexicon.add(new LexiconEntry("en", "allow", List.of("Kiev Symphony Orchestra"), "", "", "", ""),
        "curator-2");

    // then
    assertEquals(List.of(), lexicon.detect(post, "en"));
  }

  @Test
  void should_reject_an_entry_without_notes_or_with_a_bad_pattern() {
    assertThrows(IllegalArgumentException.class, () -> new LexiconEntry("ru", "pejorative",
        List.of("зомбоящик~"), "", "", "", ""));
    assertThrows(IllegalArgumentException.class, () -> new LexiconEntry("ru", "pejorative",
        List.of("зо*"), "note", "нотатка", "", ""));
    assertThrows(IllegalArgumentException.class, () -> new LexiconEntry("fr", "pejorative",
        List.of("boche"), "note", "нотатка", "", ""));
    assertThrows(IllegalArgumentException.class, () -> new LexiconEntry("ru", "pejorative",
        List.of("слово"), "note", "нотатка", "", "context"));
  }
}
