package org.kontekst.knowledge.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A verified article in the knowledge base.
 *
 * <p>{@code body} is the text as the curator supplied it; {@code text} is the cleaned text that is
 * indexed and quoted (page chrome removed). {@code published} may be unknown.
 */
public record Article(
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
    Instant created,
    Instant updated) {

  private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,199}");

  public Article {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "article id must be 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit: "
              + id);
    }
    title = requireText(title, "title");
    outlet = outlet == null ? "" : outlet.strip();
    url = url == null ? "" : url.strip();
    language = Languages.require(language);
    body = Objects.requireNonNull(body, "body");
    text = requireText(text, "text");
    tags = tags == null ? List.of() : List.copyOf(tags);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(updated, "updated");
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return stripped;
  }

  public boolean isPublished() {
    return status == ArticleStatus.PUBLISHED;
  }

  public Article withStatus(ArticleStatus newStatus, Instant when) {
    return new Article(
        id, title, outlet, url, published, language, body, text, tags, newStatus, created, when);
  }
}
