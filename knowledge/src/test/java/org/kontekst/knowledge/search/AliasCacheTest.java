package org.kontekst.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alias table read back from its cache reads texts exactly as the one parsed. */
class AliasCacheTest {
  private static final Lemmatizer LEMMATIZER = new Lemmatizer();
  private static final List<AliasTable.Source> CURATOR =
      List.of(AliasTable.Source.text("curator", "zorya_test\tterm\tZorya Vostoka\tЗоря Сходу\tЗаря Востока\t\n"));
  private static final List<String> TEXTS =
      List.of(
          "Путін летить до Пхеньяна, щоб обійти санкції; Зоря Сходу вже там.",
          "Путин летит в Пхеньян, чтобы обойти санкции НАТО и ЗСУ",
          "Zorya Vostoka: Stoltenberg met Kim Jong Un in Pyongyang on 4.8 million grounds",
          "данные из Дании и Грузии про груз");

  @TempDir Path dir;

  @Test
  void aStoredTableAnalysesAsTheParsedOne() {
    AliasCache cache = new AliasCache(dir.resolve("cache/aliases.bin"), "build-1");
    AliasTable parsed = AliasTable.load(LEMMATIZER, CURATOR, cache);
    assertTrue(Files.isRegularFile(dir.resolve("cache/aliases.bin")), "the table was stored");
    AliasTable stored = cache.read(parsed.version()).orElseThrow();
    assertEquals(parsed.size(), stored.size());
    TextAnalysis fresh = new TextAnalysis(LEMMATIZER, parsed);
    TextAnalysis cached = new TextAnalysis(LEMMATIZER, stored);
    for (String text : TEXTS) {
      for (String language : List.of("uk", "ru", "en")) {
        Analyzed a = fresh.analyze(text, language);
        Analyzed b = cached.analyze(text, language);
        assertEquals(a.features(), b.features(), text);
        assertEquals(a.gloss(), b.gloss(), text);
        assertEquals(a.terms(), b.terms(), text);
      }
    }
    assertEquals(parsed.concept("zorya_test"), stored.concept("zorya_test"));
  }

  @Test
  void anotherAliasTextOrBuildIsNotServedFromTheCache() {
    Path file = dir.resolve("aliases.bin");
    AliasTable withCurator = AliasTable.load(LEMMATIZER, CURATOR, new AliasCache(file, "build-1"));
    AliasTable bundledOnly = AliasTable.load(LEMMATIZER, List.of(), new AliasCache(file, "build-1"));
    assertFalse(bundledOnly.concept("zorya_test").isPresent(), "the curator's table was not reused");
    assertTrue(new AliasCache(file, "build-1").read(bundledOnly.version()).isPresent());
    assertFalse(new AliasCache(file, "build-2").read(bundledOnly.version()).isPresent());
    assertFalse(new AliasCache(file, "build-1").read(withCurator.version()).isPresent(), "replaced");
  }

  @Test
  void aDamagedCacheIsIgnoredAndWrittenAgain() throws IOException {
    Path file = dir.resolve("aliases.bin");
    AliasCache cache = new AliasCache(file, "build-1");
    AliasTable parsed = AliasTable.load(LEMMATIZER, List.of(), cache);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertFalse(cache.read(parsed.version()).isPresent(), "a cut file is not used");
    AliasTable again = AliasTable.load(LEMMATIZER, List.of(), cache);
    assertEquals(parsed.version(), again.version());
    assertTrue(cache.read(parsed.version()).isPresent(), "and was written again whole");
  }
}
