package org.kontekst.knowledge.article;

import java.util.Locale;

/** Where an article stands in curation; only {@link #PUBLISHED} articles are matched. */
public enum ArticleStatus {
  PUBLISHED,
  PENDING,
  RETIRED;

  /** Parses a status name case-insensitively, naming the accepted values when it fails. */
  public static ArticleStatus parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "status must be one of published, pending, retired: " + value, e);
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
