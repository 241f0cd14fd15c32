package org.kontekst.knowledge.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled lexicon is broad enough and every flag entry tells the reader why. */
class LexiconFilesTest {

  @Test
  void should_bundle_at_least_250_entries_in_english_ukrainian_and_russian() {
    // when
    List<LexiconEntry> entries = LexiconFiles.entries();
    List<LexiconEntry> flags = entries.stream().filter(e -> !e.allows()).toList();
    Map<String, Long> byLanguage =
        flags.stream().collect(Collectors.groupingBy(LexiconEntry::language, Collectors.counting()));

    // then
    assertTrue(flags.size() >= 250, "flag entries: " + flags.size());
    assertTrue(byLanguage.get("en") >= 50 && byLanguage.get("uk") >= 50 && byLanguage.get("ru") >= 50,
        byLanguage.toString());
    for (FlagCategory category : FlagCategory.values()) {
      assertTrue(flags.stream().anyMatch(e -> e.flagCategory() == category), category.label());
    }
  }

  @Test
  void should_give_every_flag_entry_a_one_sentence_note_in_both_languages() {
    for (LexiconEntry entry : LexiconFiles.entries()) {
      if (entry.allows()) {
        continue;
      }
      assertTrue(entry.noteEn().endsWith("."), entry.forms() + ": " + entry.noteEn());
      assertTrue(entry.noteUk().endsWith("."), entry.forms() + ": " + entry.noteUk());
    }
  }

  @Test
  void should_register_people_with_english_names() {
    // when
    List<PersonNames.Person> people = LexiconFiles.people();

    // then
    assertTrue(people.size() >= 20, "people: " + people.size());
    assertEquals("Vladimir Putin",
        people.stream().filter(p -> p.id().equals("putin")).findFirst().orElseThrow().preferred());
  }
}
