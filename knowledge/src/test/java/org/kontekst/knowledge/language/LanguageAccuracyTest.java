package org.kontekst.knowledge.language;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Accuracy floors on labelled data. The figures are printed so a run shows where the detector
 * stands; the floors only catch regressions.
 */
class LanguageAccuracyTest {
  private final LanguageDetector detector = LanguageDetector.standard();

  @Test
  void should_tell_ukrainian_from_russian_in_own_short_sentences() {
    LanguageEvaluation.Result result =
        LanguageEvaluation.evaluate("own short uk/ru", detector, LanguageEvaluation.shortUkrainianAndRussian());

    System.out.println(result.format());
    assertTrue(result.total() >= 120, "fixture has at least 60 sentences per language");
    assertTrue(result.accuracy() >= 0.95, result.format());
  }

  @Test
  void should_detect_ukrainian_in_stopfake_claims() {
    Path file = shared().resolve("data/stopfake-uk-2022-2023/stopfake_refuted_uk.jsonl");
    LanguageEvaluation.Result result =
        LanguageEvaluation.evaluate("StopFake uk claims", detector, LanguageEvaluation.readJsonl(file, "claim", null, "uk"));

    System.out.println(result.format());
    assertTrue(result.accuracy() >= 0.97, result.format());
  }

  @Test
  void should_detect_the_language_of_dev_posts() {
    Path file = shared().resolve("eval/dev.jsonl");
    LanguageEvaluation.Result result =
        LanguageEvaluation.evaluate("eval/dev.jsonl posts", detector, LanguageEvaluation.readJsonl(file, "text", "lang", null));

    System.out.println(result.format());
    assertTrue(result.accuracy() >= 0.95, result.format());
  }

  static Path shared() {
    String property = System.getProperty("kontekst.shared");
    Path path = property == null ? null : Path.of(property);
    assumeTrue(
        path != null && Files.isDirectory(path),
        "../shared is missing (system property kontekst.shared = " + property + "); skipping the tests that need it");
    return path;
  }
}
