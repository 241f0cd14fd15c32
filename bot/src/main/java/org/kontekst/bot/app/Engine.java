package org.kontekst.bot.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.InvalidPostException;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.store.KnowledgeStore;

/**
 * PLACEHOLDER for the matching engine: the knowledge store plus a checker that matches nothing
 * and flags nothing. It exists only so the Telegram bot compiles and runs on its branch; the real
 * {@code Engine} (same shape: {@code open}, {@code checker}, {@code threshold}, {@code store},
 * {@code articleCount}, {@code lastUpdated}, {@code close}) replaces this file at merge.
 */
public final class Engine implements AutoCloseable {
  private final KnowledgeStore store;
  private final Checker checker;

  private Engine(KnowledgeStore store) {
    this.store = store;
    this.checker =
        (post, maxMatches, minScore) -> {
          if (post.text().isBlank()) {
            throw new InvalidPostException("the post is empty: send its text");
          }
          return new Report(post, "und", List.of(), List.of());
        };
  }

  /** Opens the knowledge store in {@code dataDir}. */
  public static Engine open(Path dataDir) {
    return new Engine(KnowledgeStore.open(dataDir));
  }

  public Checker checker() {
    return checker;
  }

  /** The calibrated minimum score for a match. */
  public double threshold() {
    return 0.5;
  }

  public KnowledgeStore store() {
    return store;
  }

  public int articleCount() {
    return store.articles().count(ArticleStatus.PUBLISHED);
  }

  public Optional<Instant> lastUpdated() {
    return store.articles().lastUpdated();
  }

  @Override
  public void close() {
    store.close();
  }
}
