package org.kontekst.knowledge.check;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An article that speaks to a post: its metadata, a confidence in [0, 1] and the passage (one or
 * two sentences of the article) that best supports the match.
 */
public record Match(
    String article,
    String title,
    String outlet,
    String url,
    LocalDate published,
    double score,
    String passage) {

  public Match {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(title, "title");
    outlet = outlet == null ? "" : outlet;
    url = url == null ? "" : url;
    passage = passage == null ? "" : passage;
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0,1]: " + score);
    }
  }
}
