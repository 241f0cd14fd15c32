package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.bot.chat.ChatSettings;
import org.kontekst.bot.chat.ChatSettingsRepository;
import org.kontekst.bot.chat.GroupMode;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.search.AliasEntry;
import org.kontekst.knowledge.search.Embedder;
import org.kontekst.knowledge.search.Fixtures;
import org.kontekst.knowledge.store.Revisions;
import org.kontekst.knowledge.store.StoreConfig;
import org.kontekst.knowledge.store.TestDatabase;
import org.kontekst.knowledge.wording.LexiconEntry;

/**
 * Two instances, each with its own data directory and search index, on one PostgreSQL database:
 * what a curator does on one takes effect on the other within a bounded wait, by the other's own
 * poll of the revisions (the test never tells it).
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Postgresql.class)
class SharedDatabaseSyncTest {
  /** A deadline for correctness, not a speed bar: the poll runs every second. */
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  /** Every text gets the same vector: only the lexical channels tell articles apart. */
  private static final EmbeddingModel FLAT =
      new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
          return Response.from(segments.stream().map(s -> Embedding.from(new float[] {1f, 0f, 0f})).toList());
        }
      };

  private static final String SUMMIT_POST =
      "Putin and Kim Jong-un signed a partnership treaty in Pyongyang on 19 June 2024";

  @Parameter TestDatabase database;
  @TempDir Path dirA;
  @TempDir Path dirB;

  private Engine a;
  private Engine b;

  @BeforeEach
  void open() {
    StoreConfig onA = database.config(dirA);
    StoreConfig onB = new StoreConfig(dirB, onA.url(), onA.user(), onA.password());
    a = Engine.open(onA, () -> new Embedder(FLAT, "flat"));
    b = Engine.open(onB, () -> new Embedder(FLAT, "flat"));
  }

  @AfterEach
  void close() {
    if (b != null) b.close();
    if (a != null) a.close();
  }

  private static boolean matches(Engine engine, String post, String article) {
    return engine.checker().check(Post.of(post), 3, 0).matches().stream().anyMatch(m -> m.article().equals(article));
  }

  private static double score(Engine engine, String post, String article) {
    return engine.checker().check(Post.of(post), 3, 0).matches().stream()
        .filter(m -> m.article().equals(article)).mapToDouble(m -> m.score()).findFirst().orElse(0);
  }

  private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(what + " did not happen within " + DEADLINE.toSeconds() + " s");
      }
      Thread.sleep(100);
    }
  }

  @Test
  void should_match_an_article_published_on_the_other_instance_and_forget_it_when_retired() throws Exception {
    Article summit = Fixtures.articles().get(1);
    assertTrue(!matches(b, SUMMIT_POST, "summit"), "nothing published yet");

    a.store().articles().upsert(summit);
    a.articlesChanged(List.of(summit));

    assertTrue(matches(a, SUMMIT_POST, "summit"), "the writing instance follows at once");
    eventually("instance B matching the article A published", () -> matches(b, SUMMIT_POST, "summit"));

    Article retired = summit.withStatus(ArticleStatus.RETIRED, Instant.now());
    a.store().articles().upsert(retired);
    a.articlesChanged(List.of(retired));
    eventually("instance B dropping the article A retired", () -> !matches(b, SUMMIT_POST, "summit"));
    assertEquals(0, b.articleCount());
  }

  @Test
  void should_flag_a_term_added_on_the_other_instance() throws Exception {
    String post = "Вечером по зомбоящику опять показали ток-шоу.";
    assertEquals(List.of(), b.checker().check(Post.of(post), 3, 0).flags());

    a.lexicon().add(new LexiconEntry("ru", "pejorative", List.of("зомбоящик~"),
        "\"Zomboyashchik\" mocks television as a brainwashing device.",
        "«Зомбоящик» висміює телебачення як засіб промивання мізків.", "телевидение", ""), "curator-1");

    eventually("instance B flagging the term A added",
        () -> b.checker().check(Post.of(post), 3, 0).flags().size() == 1);
    assertEquals(1, b.lexicon().list().size());
  }

  @Test
  void should_use_an_alias_added_on_the_other_instance() throws Exception {
    Article summit = Fixtures.articles().get(1);
    a.store().articles().upsert(summit);
    a.articlesChanged(List.of(summit));
    String post = "Putin and Kim Jong-un signed a partnership treaty in Xyzzygrad on 19 June 2024";
    eventually("instance B indexing the article", () -> matches(b, post, "summit"));
    double before = score(b, post, "summit");

    a.aliases().add(new AliasEntry("pyongyang", "place", List.of("Xyzzygrad"), List.of(), List.of(), List.of()), "42");

    eventually("instance B using the alias A added", () -> score(b, post, "summit") > before);
  }

  @Test
  void should_drop_cached_chat_settings_when_the_other_instance_changes_them() throws Exception {
    ChatSettingsRepository onA = new ChatSettingsRepository(a.store().dataSource(), Ticker.systemTicker());
    ChatSettingsRepository onB = new ChatSettingsRepository(b.store().dataSource(), Ticker.systemTicker());
    b.onChange(Revisions.CHAT_SETTINGS, onB::invalidateAll);
    assertEquals(ChatSettings.DEFAULT, onB.find(-1001));

    ChatSettings verbose = new ChatSettings(GroupMode.VERBOSE, null);
    onA.save(-1001, verbose);

    eventually("instance B reading the settings A saved", () -> onB.find(-1001).equals(verbose));
  }
}
