package org.kontekst.knowledge.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.kontekst.knowledge.article.ArticleStatus;

/**
 * What a parser read for one article, before the language is detected and the times are set.
 * {@code language} and {@code status} are null when the input did not give them; {@code line} is
 * where the article starts, for messages.
 */
record ParsedArticle(
    String id,
    String title,
    String outlet,
    String url,
    LocalDate published,
    String language,
    String body,
    String text,
    List<String> tags,
    ArticleStatus status,
    int line) {

  ParsedArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(text, "text");
    outlet = outlet == null ? "" : outlet;
    url = url == null ? "" : url;
    tags = tags == null ? List.of() : List.copyOf(tags);
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1 or more: " + line);
    }
  }
}
