package org.kontekst.knowledge.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.article.Languages;

/**
 * Checks of the fields a person writes (front matter, JSON Lines), shared by the parsers. Limits
 * follow the columns of the article table, so a bad value is refused here with the line that holds
 * it, not later by the database.
 */
final class ArticleFields {
  private ArticleFields() {}

  static final int MAX_TITLE = 300;
  static final int MAX_OUTLET = 300;
  static final int MAX_URL = 2000;
  static final int MAX_TAG = 100;
  static final int MAX_TAGS = 50;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  static String title(String value, int line) {
    String title = value == null ? "" : value.strip();
    if (title.isEmpty()) {
      throw new ImportException(line, "the title is missing or empty; give the article a title");
    }
    if (title.indexOf('\n') >= 0) {
      throw new ImportException(line, "the title must be one line");
    }
    if (title.length() > MAX_TITLE) {
      throw new ImportException(
          line, "the title has " + title.length() + " characters; keep it under " + MAX_TITLE);
    }
    return title;
  }

  static String outlet(String value, int line) {
    String outlet = value == null ? "" : value.strip();
    if (outlet.length() > MAX_OUTLET || outlet.indexOf('\n') >= 0) {
      throw new ImportException(line, "outlet must be one line of at most " + MAX_OUTLET + " characters");
    }
    return outlet;
  }

  /** An absolute http or https URL, or empty when not given. */
  static String url(String value, int line) {
    String url = value == null ? "" : value.strip();
    if (url.isEmpty()) {
      return "";
    }
    String hint = "; write the full address, e.g. https://example.org/article, or leave url out";
    if (url.length() > MAX_URL) {
      throw new ImportException(line, "url is longer than " + MAX_URL + " characters" + hint);
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new ImportException(line, "url must start with http:// or https:// and name a host: " + url + hint);
      }
    } catch (URISyntaxException e) {
      throw new ImportException(line, "url is not a valid address (" + e.getReason() + "): " + url + hint);
    }
    return url;
  }

  /** A date YYYY-MM-DD between 1900 and tomorrow, or null when not given. */
  static LocalDate published(String value, int line, LocalDate today) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text, DATE);
    } catch (DateTimeParseException e) {
      throw new ImportException(
          line, "published must be a date written YYYY-MM-DD, e.g. 2023-06-06, not '" + text + "'");
    }
    if (date.isBefore(EARLIEST) || date.isAfter(today.plusDays(1))) {
      throw new ImportException(
          line, "published " + text + " is not plausible (before 1900 or in the future); check the year");
    }
    return date;
  }

  /** A language code, or null when not given (it is then detected). */
  static String language(String value, int line) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Languages.require(value);
    } catch (IllegalArgumentException e) {
      throw new ImportException(line, e.getMessage() + "; or leave language out to have it detected");
    }
  }

  static ArticleStatus status(String value, int line) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ArticleStatus.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ImportException(line, e.getMessage());
    }
  }

  static List<String> tags(List<String> values, int line) {
    if (values.size() > MAX_TAGS) {
      throw new ImportException(line, "there are " + values.size() + " tags; keep at most " + MAX_TAGS);
    }
    List<String> tags = new ArrayList<>();
    for (String value : values) {
      String tag = value.strip();
      if (tag.isEmpty()) {
        throw new ImportException(line, "a tag is empty; remove the extra comma");
      }
      if (tag.indexOf('\n') >= 0 || tag.length() > MAX_TAG) {
        throw new ImportException(line, "tag '" + abbreviate(tag) + "' must be one line of at most " + MAX_TAG + " characters");
      }
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }

  /**
   * Refuses ids that would look like paths. The article record has the full rule; this gives the
   * person a clearer message for the case that matters most.
   */
  static void requirePlainId(String id, int line, String whatToChange) {
    if (id.contains("/") || id.contains("\\") || id.startsWith(".")) {
      throw new ImportException(
          line,
          "id '" + abbreviate(id) + "' looks like a path; an id is a plain name of letters, digits,"
              + " '.', '_' or '-' such as kakhovka-dam-2023: " + whatToChange);
    }
  }

  private static final java.util.regex.Pattern PLAIN_ID =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,199}");

  /** Whether {@code id} is a valid article id as it stands (see {@code Article}). */
  static boolean isPlainId(String id) {
    return PLAIN_ID.matcher(id).matches();
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
