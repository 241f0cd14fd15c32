package org.kontekst.knowledge.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads JSON Lines, one article per line: {@code id}, {@code title} and {@code body} are required;
 * {@code outlet}, {@code url}, {@code published}, {@code language}, {@code tags} and {@code status}
 * are optional. Blank lines are skipped. Unknown fields and an id given twice are refused, because
 * either means the file is not what its author thinks it is.
 */
final class JsonlParser implements ArticleParser {
  private static final Set<String> FIELDS =
      Set.of("id", "title", "outlet", "url", "published", "language", "tags", "body", "status");

  // Duplicate keys in one object would otherwise keep the last value without a word.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private final long maxLineChars;

  JsonlParser(long maxLineChars) {
    this.maxLineChars = maxLineChars;
  }

  @Override
  public List<ParsedArticle> parse(String text, String suggestedId, LocalDate today) {
    List<ParsedArticle> out = new ArrayList<>();
    Map<String, Integer> firstLineOfId = new HashMap<>();
    int number = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      number++;
      String line = text.substring(start, end);
      start = end + 1;
      if (line.isBlank()) {
        continue;
      }
      if (line.length() > maxLineChars) {
        throw new ImportException(
            number, "this line is longer than " + ImportLimits.megabytes(maxLineChars) + "; split the article or shorten it");
      }
      ParsedArticle article = article(line, number, today);
      Integer earlier = firstLineOfId.putIfAbsent(article.id(), number);
      if (earlier != null) {
        throw new ImportException(
            number, "id '" + article.id() + "' is already used on line " + earlier + "; give each article its own id");
      }
      out.add(article);
    }
    if (out.isEmpty()) {
      throw new ImportException(0, "the file has no articles; write one JSON object per line, or remove the file");
    }
    return out;
  }

  private static ParsedArticle article(String line, int number, LocalDate today) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      // Jackson's message names its own source and marker positions; the column is what helps.
      String reason = e.getOriginalMessage().split("\n", 2)[0].replaceAll("\\s*\\(start marker at .*|\\s*at \\[Source.*", "");
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new ImportException(
          number, "not valid JSON" + (column > 0 ? " at column " + column : "") + " (" + reason + "); each line must be"
              + " one JSON object such as {\"id\": \"...\", \"title\": \"...\", \"body\": \"...\"}");
    }
    if (node == null || !node.isObject()) {
      throw new ImportException(number, "each line must be one JSON object {...}, not " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new ImportException(
            number, "unknown field '" + ArticleFields.abbreviate(name) + "'; the fields are id, title, outlet, url,"
                + " published, language, tags, body, status");
      }
    }
    String id = required(node, "id", number);
    ArticleFields.requirePlainId(id, number, "change the id field");
    String body = required(node, "body", number);
    return new ParsedArticle(
        id,
        ArticleFields.title(required(node, "title", number), number),
        ArticleFields.outlet(optional(node, "outlet", number), number),
        ArticleFields.url(optional(node, "url", number), number),
        ArticleFields.published(optional(node, "published", number), number, today),
        ArticleFields.language(optional(node, "language", number), number),
        body,
        body.strip(),
        ArticleFields.tags(tags(node, number), number),
        ArticleFields.status(optional(node, "status", number), number),
        number);
  }

  private static String required(JsonNode node, String field, int line) {
    String value = optional(node, field, line);
    if (value == null || value.isBlank()) {
      throw new ImportException(line, "\"" + field + "\" is missing or empty; every line needs id, title and body");
    }
    return value;
  }

  private static String optional(JsonNode node, String field, int line) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ImportException(line, "\"" + field + "\" must be a string in double quotes, not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    try {
      return SourceText.normalize(value.textValue());
    } catch (ImportException e) {
      // The value's own line numbers mean nothing to the person; the file line does.
      throw new ImportException(line, "\"" + field + "\": " + e.getMessage());
    }
  }

  private static List<String> tags(JsonNode node, int line) {
    JsonNode value = node.get("tags");
    if (value == null || value.isNull()) {
      return List.of();
    }
    String hint = "\"tags\" must be a list of strings, e.g. [\"Bucha\", \"war crimes\"]";
    if (!value.isArray()) {
      throw new ImportException(line, hint);
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode tag : value) {
      if (!tag.isTextual()) {
        throw new ImportException(line, hint);
      }
      tags.add(tag.textValue());
    }
    return tags;
  }
}
