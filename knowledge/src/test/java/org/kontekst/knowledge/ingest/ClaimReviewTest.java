package org.kontekst.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.KnowledgeStore;

class ClaimReviewTest {
  @TempDir Path tmp;

  /** A review shaped like the ones fact-checkers publish for Google Fact Check Tools. */
  private static final String REVIEW = """
      {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "not a review"},
        {"@type": "ClaimReview",
         "datePublished": "2023-06-08T10:00:00+03:00",
         "url": "https://factcheck.example.org/2023/06/kakhovka-dam",
         "claimReviewed": "Ukraine blew up the Kakhovka dam itself",
         "author": {"@type": "Organization", "name": "Example Check", "url": "https://factcheck.example.org"},
         "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"},
         "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "A Telegram channel"}},
         "inLanguage": "en-GB",
         "keywords": "Kakhovka, dam, Kherson"}
      ]}
      """;

  @Test
  void should_read_a_claimreview_from_a_graph_as_an_article() throws Exception {
    try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("data"))) {
      ArticleImporter importer = new ArticleImporter(store.articles(), LanguageDetector.standard());
      Path file = Files.writeString(tmp.resolve("reviews.jsonld"), REVIEW);

      ImportOutcome outcome = importer.importFile(file);

      ImportOutcome.Imported imported = assertInstanceOf(ImportOutcome.Imported.class, outcome, outcome.toString());
      assertEquals(1, imported.ids().size());
      Article a = store.articles().find(imported.ids().get(0)).orElseThrow();
      assertEquals("Ukraine blew up the Kakhovka dam itself", a.title());
      assertEquals("Example Check", a.outlet());
      assertEquals(LocalDate.of(2023, 6, 8), a.published());
      assertEquals("en", a.language());
      assertTrue(a.text().contains("Verdict: False"), a.text());
      assertEquals(List.of("Kakhovka", "dam", "Kherson"), a.tags());
      assertTrue(a.id().startsWith("claimreview-"), a.id());

      assertEquals(imported.ids(), ((ImportOutcome.Imported) importer.importFile(file)).ids(),
          "the same review imported again keeps its id");
    }
  }

  @Test
  void should_say_when_a_file_has_no_claimreview() throws Exception {
    try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("data"))) {
      ArticleImporter importer = new ArticleImporter(store.articles(), LanguageDetector.standard());
      Path file = Files.writeString(tmp.resolve("other.jsonld"), "{\"@type\": \"NewsArticle\", \"headline\": \"x\"}");
      ImportOutcome.Failed failed = assertInstanceOf(ImportOutcome.Failed.class, importer.importFile(file));
      assertTrue(failed.message().contains("ClaimReview"), failed.message());
      Path broken = Files.writeString(tmp.resolve("broken.jsonld"), "[{\"@type\": \"ClaimReview\",");
      assertInstanceOf(ImportOutcome.Failed.class, importer.importFile(broken));
    }
  }

  @Test
  void should_round_trip_articles_through_claimreview_and_jsonl() throws Exception {
    try (KnowledgeStore source = KnowledgeStore.open(tmp.resolve("source"));
        KnowledgeStore viaReviews = KnowledgeStore.open(tmp.resolve("reviews"));
        KnowledgeStore viaLines = KnowledgeStore.open(tmp.resolve("lines"))) {
      ArticleImporter sourceImporter = new ArticleImporter(source.articles(), LanguageDetector.standard());
      Files.writeString(tmp.resolve("a.md"), "---\ntitle: Грейн deal ends\noutlet: Desk\npublished: 2023-07-17\n"
          + "language: uk\nurl: https://example.org/a\ntags: [grain, Odesa]\n---\nРосія вийшла із зернової угоди.\n");
      sourceImporter.importFile(tmp.resolve("a.md"));
      List<Article> articles = source.articles().published();

      StringWriter reviews = new StringWriter();
      ArticleExport.claimReviews(articles, reviews);
      StringWriter lines = new StringWriter();
      ArticleExport.jsonl(articles, lines);
      new ArticleImporter(viaReviews.articles(), LanguageDetector.standard())
          .importFile(Files.writeString(tmp.resolve("out.jsonld"), reviews.toString()));
      new ArticleImporter(viaLines.articles(), LanguageDetector.standard())
          .importFile(Files.writeString(tmp.resolve("out.jsonl"), lines.toString()));

      for (KnowledgeStore copy : List.of(viaReviews, viaLines)) {
        Article original = articles.get(0);
        Article back = copy.articles().find(original.id()).orElseThrow();
        assertEquals(original.title(), back.title());
        assertEquals(original.outlet(), back.outlet());
        assertEquals(original.url(), back.url());
        assertEquals(original.published(), back.published());
        assertEquals(original.language(), back.language());
        assertEquals(original.tags(), back.tags());
        assertEquals(original.text(), back.text());
      }
    }
  }
}
