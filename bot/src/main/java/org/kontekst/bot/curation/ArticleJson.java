package org.kontekst.bot.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;

/**
 * An article as a JSON object with every field, for the audit trail and backups: {@code id},
 * {@code title}, {@code outlet}, {@code url}, {@code published} (yyyy-mm-dd or null), {@code
 * language}, {@code tags}, {@code status}, {@code created} and {@code updated} (ISO instants),
 * {@code body} and {@code text}.
 */
public final class ArticleJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleJson() {}

  public static ObjectNode toNode(Article a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", a.id());
    o.put("title", a.title());
    o.put("outlet", a.outlet());
    o.put("url", a.url());
    o.put("published", a.published() == null ? null : a.published().toString());
    o.put("language", a.language());
    ArrayNode tags = o.putArray("tags");
    a.tags().forEach(tags::add);
    o.put("status", a.status().name());
    o.put("created", a.created().toString());
    o.put("updated", a.updated().toString());
    o.put("body", a.body());
    o.put("text", a.text());
    return o;
  }

  public static String toJson(Article a) {
    return toNode(a).toString();
  }

  /**
   * Reads what {@link #toNode} wrote.
   *
   * @throws IllegalArgumentException when a field is missing or invalid
   */
  public static Article fromNode(JsonNode o) {
    List<String> tags = new ArrayList<>();
    o.path("tags").forEach(t -> tags.add(t.asText()));
    String published = o.path("published").isNull() || o.path("published").isMissingNode() ? null : o.path("published").asText();
    try {
      return new Article(
          required(o, "id"), required(o, "title"), o.path("outlet").asText(""), o.path("url").asText(""),
          published == null ? null : LocalDate.parse(published), o.path("language").asText(""),
          required(o, "body"), required(o, "text"), tags, ArticleStatus.valueOf(required(o, "status")),
          Instant.parse(required(o, "created")), Instant.parse(required(o, "updated")));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("a date or time is not ISO: " + e.getParsedString(), e);
    }
  }

  private static String required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("article field \"" + field + "\" is missing or not a string");
    }
    return v.textValue();
  }
}
