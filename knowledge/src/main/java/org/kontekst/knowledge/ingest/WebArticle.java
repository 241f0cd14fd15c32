package org.kontekst.knowledge.ingest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a web page says about itself as an article: title, outlet, publication date (or null),
 * the article text, the page's own language tag (or empty) and the URL it was read from.
 */
public record WebArticle(
    String title, String outlet, LocalDate published, String text, String declaredLanguage, String url) {
  public WebArticle {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    outlet = outlet == null ? "" : outlet;
    declaredLanguage = declaredLanguage == null ? "" : declaredLanguage;
    url = url == null ? "" : url;
  }
}
