package org.kontekst.bot.app;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.kontekst.bot.command.KnowledgeSummary;
import org.kontekst.knowledge.article.Article;

/** What /about says, computed from the engine's store at most every five minutes. */
final class EngineSummary implements Supplier<KnowledgeSummary> {
  private final LoadingCache<String, KnowledgeSummary> cache;

  EngineSummary(Engine engine) {
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(1)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build(key -> load(engine));
  }

  @Override
  public KnowledgeSummary get() {
    return cache.get("kb");
  }

  private static KnowledgeSummary load(Engine engine) {
    Map<String, Long> outlets =
        engine.store().articles().published().stream()
            .map(Article::outlet)
            .filter(o -> !o.isBlank())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    var sources =
        outlets.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .toList();
    return new KnowledgeSummary(engine.articleCount(), sources, engine.lastUpdated());
  }
}
