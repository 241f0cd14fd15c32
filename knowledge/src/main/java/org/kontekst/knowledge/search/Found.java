package org.kontekst.knowledge.search;

import java.util.Objects;

/** An article retrieval found for a post, with its confidence in [0, 1] and the best passage. */
public record Found(IndexedArticle article, double confidence, String passage, Candidate signals) {
  public Found {
    Objects.requireNonNull(article, "article");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
    }
  }
}
