package org.kontekst.knowledge.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Markdown article with front matter, the format of the sample KB:
 *
 * <pre>
 * ---
 * title: Bucha — why the "staged" claim does not hold up
 * outlet: Kontekst sample
 * published: 2022-04-06
 * language: en
 * url: https://example.org/kontekst-sample/bucha-staged-claim
 * tags: [Bucha, satellite imagery, "war crimes"]
 * ---
 * body...
 * </pre>
 *
 * Only this flat subset of YAML is accepted (plus quoted values, {@code #} comments and tags as a
 * {@code - item} list), and unknown keys are refused, so a typo such as {@code titel:} is reported
 * instead of silently losing the title. The body is curated text and is indexed as it is.
 */
final class MarkdownParser implements ArticleParser {
  private static final String FENCE = "---";
  private static final Set<String> KEYS =
      Set.of("title", "outlet", "published", "language", "url", "tags", "status");

  @Override
  public List<ParsedArticle> parse(String text, String suggestedId, LocalDate today) {
    String[] lines = text.split("\n", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first == lines.length) {
      throw new ImportException(0, "the file is empty; write the front matter and the article, or remove the file");
    }
    if (!lines[first].strip().equals(FENCE)) {
      throw new ImportException(
          first + 1,
          "a .md article must start with front matter: a '---' line, then 'title: ...' and the other"
              + " fields (outlet, published, language, url, tags), then a closing '---' line");
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    List<String> tags = new ArrayList<>();
    String listKey = null;
    int close = -1;
    for (int i = first + 1; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i];
      String stripped = line.strip();
      if (stripped.equals(FENCE)) {
        close = i;
        break;
      }
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      if (stripped.startsWith("- ") || stripped.equals("-")) {
        if (!"tags".equals(listKey)) {
          throw new ImportException(number, "a '- item' line belongs under 'tags:'; only tags can be a list");
        }
        tags.add(unquote(stripped.substring(1).strip(), number));
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
        throw new ImportException(
            number, "expected 'key: value' in the front matter, found '" + ArticleFields.abbreviate(stripped) + "'"
                + " (is the closing '---' line missing?)");
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (!KEYS.contains(key)) {
        throw new ImportException(
            number, "unknown front matter key '" + ArticleFields.abbreviate(key) + "'; the keys are title,"
                + " outlet, published, language, url, tags, status");
      }
      Field earlier = fields.get(key);
      if (earlier != null) {
        throw new ImportException(number, "'" + key + "' is given twice (first on line " + earlier.line() + "); keep one");
      }
      fields.put(key, new Field(key.equals("tags") ? value : unquote(value, number), number));
      listKey = key;
      if (key.equals("tags") && !value.isEmpty()) {
        tags.addAll(inlineList(value, number));
      }
    }
    if (close < 0) {
      throw new ImportException(
          first + 1, "the front matter opened here is never closed; add a '---' line after the last field");
    }
    if (!fields.containsKey("title")) {
      throw new ImportException(first + 1, "the front matter has no title; add a line 'title: ...'");
    }
    StringBuilder body = new StringBuilder();
    for (int i = close + 1; i < lines.length; i++) {
      body.append(lines[i]).append('\n');
    }
    String bodyText = body.toString().strip();
    if (bodyText.isEmpty()) {
      throw new ImportException(close + 1, "the article has front matter but no text after the closing '---'");
    }
    Field absent = new Field(null, first + 1);
    Field title = fields.get("title");
    Field outlet = fields.getOrDefault("outlet", absent);
    Field url = fields.getOrDefault("url", absent);
    Field published = fields.getOrDefault("published", absent);
    Field language = fields.getOrDefault("language", absent);
    Field status = fields.getOrDefault("status", absent);
    return List.of(
        new ParsedArticle(
            suggestedId,
            ArticleFields.title(title.value(), title.line()),
            ArticleFields.outlet(outlet.value(), outlet.line()),
            ArticleFields.url(url.value(), url.line()),
            ArticleFields.published(published.value(), published.line(), today),
            ArticleFields.language(language.value(), language.line()),
            bodyText,
            bodyText,
            ArticleFields.tags(tags, fields.getOrDefault("tags", absent).line()),
            ArticleFields.status(status.value(), status.line()),
            first + 1));
  }

  /** A front matter value (unquoted, except tags) and the line it is on. */
  private record Field(String value, int line) {}

  /** {@code [a, "b, c", 'd']} to its items. */
  private static List<String> inlineList(String value, int line) {
    if (!value.startsWith("[") || !value.endsWith("]")) {
      throw new ImportException(line, "tags must be written as [first tag, second tag] or as '- tag' lines below 'tags:'");
    }
    List<String> items = new ArrayList<>();
    String inner = value.substring(1, value.length() - 1);
    StringBuilder item = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        item.append(c);
      } else if (c == '"' || c == '\'') {
        quote = c;
        item.append(c);
      } else if (c == ',') {
        items.add(unquote(item.toString().strip(), line));
        item.setLength(0);
      } else if (c == '[' || c == ']') {
        throw new ImportException(line, "tags cannot be nested lists; write [first tag, second tag]");
      } else {
        item.append(c);
      }
    }
    if (quote != 0) {
      throw new ImportException(line, "a quote in tags is not closed");
    }
    if (!item.toString().isBlank() || !items.isEmpty()) {
      items.add(unquote(item.toString().strip(), line));
    }
    return items;
  }

  /** Removes matching surrounding quotes; YAML's doubled '' inside single quotes becomes '. */
  private static String unquote(String value, int line) {
    if (value == null || value.length() < 2) {
      if (value != null && (value.equals("\"") || value.equals("'"))) {
        throw new ImportException(line, "a quote is opened but not closed");
      }
      return value;
    }
    char first = value.charAt(0);
    char last = value.charAt(value.length() - 1);
    if ((first == '"' || first == '\'') && last == first) {
      String inner = value.substring(1, value.length() - 1);
      return first == '"' ? inner.replace("\\\"", "\"").replace("\\\\", "\\") : inner.replace("''", "'");
    }
    if (first == '"' || first == '\'') {
      throw new ImportException(line, "a quote is opened but not closed: " + ArticleFields.abbreviate(value));
    }
    return value;
  }
}
