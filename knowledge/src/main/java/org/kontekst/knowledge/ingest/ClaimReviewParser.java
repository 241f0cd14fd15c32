package org.kontekst.knowledge.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads schema.org {@code ClaimReview} JSON-LD, as fact-checkers publish it and Google Fact Check
 * Tools read it: one object, an array of them, or a {@code @graph}; other types are skipped.
 *
 * <p>Each review becomes an article: the title is its {@code name} or {@code headline}, else the
 * claim; the outlet is the reviewing organisation ({@code author.name}); the indexed text is the
 * claim, the verdict ({@code reviewRating.alternateName}) and the review body. The id is the
 * review's {@code identifier} when it is a valid id, else a stable hash of its URL (or claim), so
 * importing the same review twice updates it in place.
 */
final class ClaimReviewParser implements ArticleParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public List<ParsedArticle> parse(String text, String suggestedId, LocalDate today) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ImportException(line, "not valid JSON-LD (" + e.getOriginalMessage().split("\n", 2)[0]
          + "); export ClaimReview as JSON, one object or an array");
    }
    List<JsonNode> reviews = new ArrayList<>();
    collect(root, reviews);
    if (reviews.isEmpty()) {
      throw new ImportException(0, "no object with \"@type\": \"ClaimReview\" in the file");
    }
    List<ParsedArticle> out = new ArrayList<>(reviews.size());
    int number = 0;
    for (JsonNode review : reviews) {
      number++;
      out.add(article(review, number, today));
    }
    return out;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node == null) return;
    if (node.isArray()) {
      for (JsonNode item : node) collect(item, out);
    } else if (node.isObject()) {
      if (isClaimReview(node.get("@type"))) {
        out.add(node);
      } else if (node.has("@graph")) {
        collect(node.get("@graph"), out);
      }
    }
  }

  private static boolean isClaimReview(JsonNode type) {
    if (type == null) return false;
    if (type.isArray()) {
      for (JsonNode t : type) if (isClaimReview(t)) return true;
      return false;
    }
    String value = type.asText();
    return value.equals("ClaimReview") || value.endsWith("/ClaimReview");
  }

  private static ParsedArticle article(JsonNode review, int number, LocalDate today) {
    String claim = text(review, "claimReviewed");
    String name = firstNonBlank(text(review, "name"), text(review, "headline"), claim);
    if (name == null) {
      throw new ImportException(number, "ClaimReview number " + number + " has no claimReviewed, name or headline");
    }
    String url = text(review, "url");
    String verdict = text(review.path("reviewRating"), "alternateName");
    String body = text(review, "reviewBody");
    StringBuilder indexed = new StringBuilder();
    if (claim != null && !claim.equals(name)) indexed.append("Claim: ").append(claim).append('\n');
    if (verdict != null) indexed.append("Verdict: ").append(verdict).append('\n');
    if (body != null) indexed.append(body);
    if (indexed.length() == 0) indexed.append(name);
    String id = text(review, "identifier");
    if (id == null || !ArticleFields.isPlainId(id)) {
      id = "claimreview-" + hash(url != null ? url : name);
    }
    List<String> tags = new ArrayList<>();
    String keywords = text(review, "keywords");
    if (keywords != null) {
      for (String k : keywords.split(",")) if (!k.isBlank()) tags.add(k.strip());
    }
    String published = text(review, "datePublished");
    return new ParsedArticle(
        id,
        ArticleFields.title(name, number),
        ArticleFields.outlet(firstNonBlank(text(review.path("author"), "name"), text(review.path("publisher"), "name")), number),
        ArticleFields.url(url, number),
        published == null || published.length() < 10
            ? null
            : ArticleFields.published(published.substring(0, 10), number, today),
        language(review.get("inLanguage"), number),
        review.toString(),
        indexed.toString().strip(),
        ArticleFields.tags(tags.size() > ArticleFields.MAX_TAGS ? tags.subList(0, ArticleFields.MAX_TAGS) : tags, number),
        null,
        number);
  }

  private static String language(JsonNode node, int number) {
    if (node == null || node.isNull()) return null;
    String code = node.isObject() ? firstNonBlank(text(node, "alternateName"), text(node, "name")) : node.asText();
    if (code == null) return null;
    String lower = code.strip().toLowerCase(Locale.ROOT);
    int dash = lower.indexOf('-');
    return ArticleFields.language(dash > 0 ? lower.substring(0, dash) : lower, number);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) return null;
    String s = SourceText.normalize(value.asText()).strip();
    return s.isEmpty() ? null : s;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    return null;
  }

  private static String hash(String s) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
