package org.kontekst.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.store.KnowledgeStore;

/** Retrieval on a real H2 file, a real Lucene index and the real embedding model. */
class RetrievalTest {
  @TempDir static Path data;
  static KnowledgeStore store;
  static Embedder embedder;
  static Retrieval retrieval;

  @BeforeAll
  static void open() {
    store = KnowledgeStore.open(data);
    store.articles().upsertAll(Fixtures.articles());
    embedder = Embedder.defaultModel();
    retrieval = Retrieval.open(data.resolve("index"), store.articles(), embedder, List.of());
  }

  @AfterAll
  static void close() {
    retrieval.close();
    store.close();
  }

  private static String top(String post, String language) {
    List<Found> found = retrieval.find(post, language, 3, retrieval.threshold());
    return found.isEmpty() ? "" : found.get(0).article().id();
  }

  @Test
  void should_match_a_ukrainian_post_to_the_english_article() {
    assertEquals("summit", top(
        "Путін підписав у Пхеньяні договір про всеосяжне стратегічне партнерство з Кім Чен Ином", "uk"));
  }

  @Test
  void should_match_a_russian_post_to_the_english_article() {
    assertEquals("dam", top(
        "Каховскую ГЭС подорвали 6 июня, вода затопила сёла Херсонской области на обоих берегах Днепра", "ru"));
  }

  @Test
  void should_match_an_english_post_to_the_ukrainian_article() {
    assertEquals("grain", top(
        "Russia has pulled out of the Black Sea grain deal that let Ukraine ship grain from Odesa ports", "en"));
  }

  @Test
  void should_match_an_english_post_to_the_english_article() {
    assertEquals("cap", top(
        "The G7 price cap on Russian oil is 60 dollars a barrel; Western firms may insure only cheaper cargoes", "en"));
  }

  @Test
  void should_report_nothing_for_an_unrelated_post() {
    assertEquals("", top("Our cat had four kittens last night, and all of them are grey and healthy.", "en"));
    assertEquals("", top("Рецепт борщу: буряк, морква, капуста і трохи оцту для кольору.", "uk"));
  }

  @Test
  void should_embed_a_post_without_its_links() {
    assertEquals("Troops crossed the river . Video: and more in",
        Retrieval.forEmbedding("Troops crossed the river https://t.co/AbC12x . Video: pic.twitter.com/Xy9Zq1"
            + " and more in t.me/some_channel/123").replaceAll("\\s+", " "));
    // Not links: a fraction, a unit, an abbreviation, a sentence end before a slash-free word.
    String kept = "1.5/2 of km/h in the U.S./Mexico border area. Next/previous";
    assertEquals(kept, Retrieval.forEmbedding(kept));
    String unbroken = "a".repeat(20_000) + ".b";
    assertEquals(unbroken, Retrieval.forEmbedding(unbroken));
  }

  @Test
  void should_not_embed_a_post_too_short_to_match() {
    AtomicInteger embedded = new AtomicInteger();
    MiniLm model = new MiniLm(1);
    EmbeddingModel counting = new EmbeddingModel() {
      @Override
      public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        embedded.addAndGet(segments.size());
        return model.embedAll(segments);
      }
    };
    Retrieval counted = Retrieval.open(data.resolve("index-counted"), store.articles(),
        new Embedder(counting, "counted"), List.of());
    embedded.set(0);
    try {
      assertTrue(counted.find("Putin Kim treaty Pyongyang", "en", 3, counted.threshold()).isEmpty());
      assertTrue(counted.find("Путін Кім договір", "uk", 3, counted.threshold()).isEmpty());
      assertFalse(counted.find("Putin Kim treaty Pyongyang", "en", 3, 0).isEmpty(), "ranked when asked to");
    } finally {
      counted.close(); // waits for embeddings still running
    }
    assertEquals(1, embedded.get(), "only the ranking embedded the short post");
  }

  @Test
  void should_not_match_a_post_too_short_to_be_specific() {
    assertEquals("", top("Putin Kim treaty Pyongyang", "en"));
    assertFalse(retrieval.find("Putin Kim treaty Pyongyang", "en", 3, 0).isEmpty(),
        "with no threshold, short posts are still ranked");
  }

  @Test
  void should_not_match_a_post_that_only_repeats_one_name() {
    assertEquals("", top("Путин ".repeat(50), "ru"));
  }

  @Test
  void should_quote_the_sentence_that_supports_the_match() {
    Found found = retrieval.find("Kakhovka dam explosion flooded Kherson villages", "en", 1, 0).get(0);
    assertTrue(found.passage().contains("Kakhovka") || found.passage().contains("Kherson"), found.passage());
    assertTrue(found.passage().length() <= 400);
  }

  @Test
  void should_score_matches_within_zero_and_one_most_relevant_first() {
    List<Found> found = retrieval.find("Putin Kim Jong-un treaty", "en", 4, 0);
    assertEquals(4, found.size());
    assertEquals("summit", found.get(0).article().id());
    for (Found f : found) {
      assertTrue(f.confidence() >= 0 && f.confidence() <= 1, "confidence " + f.confidence());
    }
  }

  @Test
  void should_be_less_confident_when_the_post_names_people_the_article_does_not() {
    double same = retrieval.find("Putin and Kim Jong-un signed a treaty in Pyongyang", "en", 1, 0).get(0).confidence();
    double other =
        retrieval.find("Putin and Kim Jong-un signed a treaty in Pyongyang, Biden and Macron and Erdogan said in Ankara",
            "en", 1, 0).get(0).confidence();
    assertTrue(other < same, other + " should be below " + same);
  }

  @Test
  void should_rebuild_a_stale_index_and_drop_retired_articles() {
    try (KnowledgeStore other = KnowledgeStore.open(data.resolve("other"))) {
      other.articles().upsertAll(Fixtures.articles());
      try (Retrieval r = Retrieval.open(data.resolve("other-index"), other.articles(), embedder, List.of())) {
        assertEquals(4, r.size());
      }
      other.articles().upsert(Fixtures.articles().get(0).withStatus(ArticleStatus.RETIRED, Fixtures.articles().get(0).updated()));
      try (Retrieval r = Retrieval.open(data.resolve("other-index"), other.articles(), embedder, List.of())) {
        assertEquals(3, r.size(), "the index must notice the KB changed and rebuild");
        assertTrue(r.find("Kakhovka dam destroyed flooding Kherson", "en", 3, 0).stream()
            .noneMatch(f -> f.article().id().equals("dam")));
      }
    }
  }

  @Test
  void should_follow_curation_changes_at_once() {
    try (KnowledgeStore other = KnowledgeStore.open(data.resolve("live"));
        Retrieval r = Retrieval.open(data.resolve("live-index"), other.articles(), embedder, List.of())) {
      assertEquals(0, r.size());
      var article = Fixtures.articles().get(1);
      other.articles().upsert(article);
      assertTrue(r.catchUp());
      assertEquals(1, r.size());
      assertEquals("summit", r.find("Putin Kim Jong-un Pyongyang treaty", "en", 1, 0).get(0).article().id());
      assertFalse(r.catchUp(), "nothing new: nothing to do");
    }
  }

  @Test
  void should_catch_up_with_only_the_articles_written_since_its_revision() {
    try (KnowledgeStore other = KnowledgeStore.open(data.resolve("incremental"))) {
      other.articles().upsertAll(Fixtures.articles());
      try (Retrieval r = Retrieval.open(data.resolve("incremental-index"), other.articles(), embedder, List.of())) {
        var dam = Fixtures.articles().get(0);
        other.articles().upsert(dam.withStatus(ArticleStatus.RETIRED, dam.updated()));
        var changes = other.articles().changedSince(other.articles().revision() - 1);
        assertEquals(List.of(dam.id()), changes.articles().stream().map(a -> a.id()).toList());

        assertTrue(r.catchUp());

        assertEquals(3, r.size());
        assertTrue(r.find("Kakhovka dam destroyed flooding Kherson", "en", 3, 0).stream()
            .noneMatch(f -> f.article().id().equals("dam")));
      }
    }
  }
}
