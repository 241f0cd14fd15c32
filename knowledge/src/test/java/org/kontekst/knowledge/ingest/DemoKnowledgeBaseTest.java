package org.kontekst.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.KnowledgeStore;

/** The demo KB of the README and the shared sample KB import cleanly, and detection agrees with them. */
class DemoKnowledgeBaseTest {
  @TempDir Path tmp;
  private final LanguageDetector detector = LanguageDetector.standard();

  @Test
  void should_import_the_demo_kb_and_agree_with_its_declared_languages() {
    Path demo = Path.of("..", "demo");
    assumeTrue(Files.isDirectory(demo.resolve("kb")), "demo/kb is missing (tests run from the module folder)");

    try (KnowledgeStore store = KnowledgeStore.open(tmp)) {
      List<ImportOutcome> outcomes =
          new ArticleImporter(store.articles(), detector).importPaths(List.of(demo.resolve("kb"), demo.resolve("kb-raw")));

      outcomes.forEach(o -> assertInstanceOf(ImportOutcome.Imported.class, o, o.describe()));
      List<Article> published = store.articles().published();
      assertTrue(published.size() >= 14, "12-16 demo articles and the raw pages: " + published.size());
      for (Article a : published) {
        assertEquals(a.language(), detector.detect(a.text()), a.id());
        if (a.id().endsWith("-page")) {
          continue;
        }
        assertEquals("Kontekst demo", a.outlet(), a.id());
        assertEquals("https://example.org/kontekst-demo/" + a.id(), a.url(), a.id());
        assertTrue(a.text().contains("What to check in posts") || a.text().contains("Що перевіряти в дописах")
            || a.text().contains("Что проверять в постах"), a.id() + " ends with what to check");
      }
    }
  }

  @Test
  void should_import_the_whole_shared_sample_kb() {
    String property = System.getProperty("kontekst.shared");
    Path sample = property == null ? null : Path.of(property, "kb-sample");
    assumeTrue(sample != null && Files.isDirectory(sample),
        "../shared is missing (system property kontekst.shared = " + property + "); skipping the sample KB import");

    try (KnowledgeStore store = KnowledgeStore.open(tmp)) {
      List<ImportOutcome> outcomes = new ArticleImporter(store.articles(), detector).importPaths(List.of(sample));

      outcomes.forEach(o -> assertInstanceOf(ImportOutcome.Imported.class, o, o.describe()));
      assertEquals(25, store.articles().count(ArticleStatus.PUBLISHED));
      for (Article a : store.articles().published()) {
        if (a.id().startsWith("kb-")) {
          assertEquals(a.language(), detector.detect(a.text()), a.id());
        } else {
          assertEquals("en", a.language(), a.id() + ": the pasted pages are English translations");
        }
      }
    }
  }
}
