package org.kontekst.bot.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What /about says about the knowledge base. */
public record KnowledgeSummary(int articles, List<String> sources, Optional<Instant> lastUpdated) {

  public KnowledgeSummary {
    if (articles < 0) {
      throw new IllegalArgumentException("articles must not be negative: " + articles);
    }
    sources = List.copyOf(sources);
    lastUpdated = lastUpdated == null ? Optional.empty() : lastUpdated;
  }
}
