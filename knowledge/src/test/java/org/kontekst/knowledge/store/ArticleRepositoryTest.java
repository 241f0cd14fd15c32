package org.kontekst.knowledge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;

/** The article repository on H2 and on PostgreSQL: the same behaviour from the same SQL. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class ArticleRepositoryTest {
  private static final Instant T0 = Instant.parse("2025-01-02T03:04:05.123456Z");

  @Parameter TestDatabase database;

  private KnowledgeStore store;

  @BeforeEach
  void open() {
    store = database.open();
  }

  private KnowledgeStore store() {
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static Article article(String id, String title, ArticleStatus status, Instant created, Instant updated) {
    return new Article(id, title, "Outlet", "https://example.org/" + id, LocalDate.of(2024, 6, 19), "uk",
        "Тіло статті з «лапками» і апострофом ’.", "Текст статті.", List.of("war", "мир"), status, created, updated);
  }

  @Test
  void should_read_back_what_it_wrote_field_for_field() {
    Article a = article("kb-1", "Заголовок", ArticleStatus.PUBLISHED, T0, T0);
    Article noDate = new Article("kb-2", "No date", "", "", null, "en", "", "Text.", List.of(), ArticleStatus.PENDING,
        T0, T0);

    store().articles().upsertAll(List.of(a, noDate));

    assertEquals(Optional.of(a), store().articles().find("kb-1"));
    assertEquals(Optional.of(noDate), store().articles().find("kb-2"));
    assertEquals(Optional.empty(), store().articles().find("kb-3"));
  }

  @Test
  void should_update_an_existing_article_and_keep_its_created_time() {
    ArticleRepository articles = store().articles();
    articles.upsert(article("kb-1", "First", ArticleStatus.PENDING, T0, T0));
    Instant later = T0.plus(1, ChronoUnit.DAYS);

    articles.upsert(article("kb-1", "Second", ArticleStatus.PUBLISHED, later, later));

    Article stored = articles.find("kb-1").orElseThrow();
    assertEquals("Second", stored.title());
    assertEquals(ArticleStatus.PUBLISHED, stored.status());
    assertEquals(T0, stored.created());
    assertEquals(later, stored.updated());
    assertEquals(1, articles.count(ArticleStatus.PUBLISHED));
    assertEquals(0, articles.count(ArticleStatus.PENDING));
    assertEquals(Optional.of(later), articles.lastUpdated());
  }

  @Test
  void should_list_by_status_in_id_order() {
    ArticleRepository articles = store().articles();
    articles.upsertAll(List.of(
        article("b", "B", ArticleStatus.PUBLISHED, T0, T0),
        article("a", "A", ArticleStatus.PUBLISHED, T0, T0),
        article("c", "C", ArticleStatus.RETIRED, T0, T0)));

    assertEquals(List.of("a", "b"), articles.published().stream().map(Article::id).toList());
    assertEquals(List.of("c"), articles.withStatus(ArticleStatus.RETIRED).stream().map(Article::id).toList());
    assertEquals(List.of("a", "b", "c"), articles.all().stream().map(Article::id).toList());
  }

  @Test
  void should_bump_the_revision_with_every_write() {
    ArticleRepository articles = store().articles();
    long before = articles.revision();

    articles.upsert(article("kb-1", "One", ArticleStatus.PUBLISHED, T0, T0));
    long after = articles.revision();

    assertNotEquals(before, after);
    assertEquals(Optional.empty(), store().articles().lastUpdated().filter(t -> t.isBefore(T0)));
  }

  @Test
  void should_lock_and_write_inside_the_callers_transaction_or_not_at_all() throws Exception {
    ArticleRepository articles = store().articles();
    articles.upsert(article("kb-1", "One", ArticleStatus.PENDING, T0, T0));
    long revision = articles.revision();

    try (Connection c = store().dataSource().getConnection()) {
      c.setAutoCommit(false);
      Article locked = articles.findForUpdate(c, "kb-1").orElseThrow();
      articles.upsertAll(c, List.of(locked.withStatus(ArticleStatus.PUBLISHED, T0.plusSeconds(60))));
      c.rollback();
      c.setAutoCommit(true);
    }

    assertEquals(ArticleStatus.PENDING, articles.find("kb-1").orElseThrow().status());
    assertEquals(revision, articles.revision());
    assertTrue(articles.published().isEmpty());
  }

  @Test
  void should_return_only_the_articles_written_since_a_revision() {
    ArticleRepository articles = store().articles();
    articles.upsert(article("a", "A", ArticleStatus.PUBLISHED, T0, T0));
    long first = articles.revision();
    articles.upsertAll(List.of(
        article("b", "B", ArticleStatus.PENDING, T0, T0),
        article("a", "A", ArticleStatus.RETIRED, T0, T0.plusSeconds(1))));

    ArticleRepository.Changes changes = articles.changedSince(first);

    assertEquals(List.of("a", "b"), changes.articles().stream().map(Article::id).toList());
    assertEquals(ArticleStatus.RETIRED, changes.articles().get(0).status());
    assertEquals(articles.revision(), changes.revision());
    assertEquals(List.of(), articles.changedSince(changes.revision()).articles());
    assertEquals(2, articles.changedSince(0).articles().size());
  }
}
