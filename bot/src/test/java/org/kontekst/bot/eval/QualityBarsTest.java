package org.kontekst.bot.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.bot.app.Engine;
import org.kontekst.knowledge.ingest.ArticleImporter;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.KnowledgeStore;

/**
 * The quality bars, measured end to end (import, index, real model, checker) on the shared
 * development cases and the CLEF-2020 test split.
 */
class QualityBarsTest {
  @TempDir Path data;

  @Test
  void should_meet_the_matching_and_wording_bars_on_the_development_cases() throws Exception {
    Path shared = SharedData.require();
    try (KnowledgeStore store = KnowledgeStore.open(data)) {
      new ArticleImporter(store.articles(), LanguageDetector.standard()).importPaths(List.of(shared.resolve("kb-sample")));
    }
    try (Engine engine = Engine.open(data)) {
      DevEvaluation.Result result =
          new DevEvaluation(engine.checker(), engine.threshold()).run(DevEvaluation.read(shared.resolve("eval/dev.jsonl")));
      String report = DevEvaluation.table(result) + String.join("\n", result.misses());
      DevEvaluation.Tally all = result.overall();
      assertTrue(all.hitAt3() >= 0.95, "hit@3\n" + report);
      assertTrue(all.top1() >= 0.85, "top-1\n" + report);
      assertTrue(all.cleanNegative() >= 0.9, "clean-negative rate\n" + report);
      for (String language : List.of("en", "uk", "ru")) {
        assertTrue(result.slices().get("lang:" + language).hitAt3() >= 0.9, "hit@3 in " + language + "\n" + report);
      }
      assertTrue(all.flagRecall() >= 0.9, "flag recall\n" + report);
      assertTrue(all.flagPrecision() >= 0.95, "flag precision\n" + report);
      assertTrue(all.categoryAccuracy() >= 0.9, "category accuracy\n" + report);
    }
  }

  @Test
  void should_reach_map_at_5_of_0_90_on_the_clef_2020_test_split() throws Exception {
    Path clef = SharedData.require().resolve("data/clef2020-task2");
    try (KnowledgeStore store = KnowledgeStore.open(data)) {
      ClefEvaluation.loadClaims(clef, store.articles());
    }
    try (Engine engine = Engine.open(data)) {
      ClefEvaluation.Result result = ClefEvaluation.run(clef, "test", engine.checker());
      assertTrue(result.mapAt5() >= 0.90, "MAP@5 " + result.mapAt5() + ", P@1 " + result.precisionAt1());
    }
  }
}
