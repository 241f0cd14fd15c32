package org.kontekst.knowledge.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.kontekst.knowledge.article.Article;

/**
 * Writes articles in the interchange formats the importer reads back: JSON Lines (one article per
 * line, the fields of {@link SourceFormat#JSONL}) and schema.org {@code ClaimReview} JSON-LD (an
 * array, with {@code identifier} carrying the article id so a re-import updates in place).
 */
public final class ArticleExport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleExport() {}

  /** One JSON object per line: id, title, outlet, url, published, language, tags, status, body. */
  public static void jsonl(List<Article> articles, Writer out) throws IOException {
    for (Article a : articles) {
      ObjectNode node = JSON.createObjectNode();
      node.put("id", a.id());
      node.put("title", a.title());
      if (!a.outlet().isEmpty()) node.put("outlet", a.outlet());
      if (!a.url().isEmpty()) node.put("url", a.url());
      if (a.published() != null) node.put("published", a.published().toString());
      node.put("language", a.language());
      ArrayNode tags = node.putArray("tags");
      a.tags().forEach(tags::add);
      node.put("status", a.status().label());
      node.put("body", a.text());
      out.write(JSON.writeValueAsString(node));
      out.write('\n');
    }
  }

  /** A JSON-LD array of ClaimReview objects, as Google Fact Check Tools read them. */
  public static void claimReviews(List<Article> articles, Writer out) throws IOException {
    ArrayNode array = JSON.createArrayNode();
    for (Article a : articles) {
      ObjectNode review = array.addObject();
      review.put("@context", "https://schema.org");
      review.put("@type", "ClaimReview");
      review.put("identifier", a.id());
      if (!a.url().isEmpty()) review.put("url", a.url());
      review.put("name", a.title());
      review.put("claimReviewed", a.title());
      if (a.published() != null) review.put("datePublished", a.published().toString());
      review.put("inLanguage", a.language());
      if (!a.outlet().isEmpty()) {
        ObjectNode author = review.putObject("author");
        author.put("@type", "Organization");
        author.put("name", a.outlet());
      }
      if (!a.tags().isEmpty()) review.put("keywords", String.join(", ", a.tags()));
      review.put("reviewBody", a.text());
    }
    out.write(JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array));
    out.write('\n');
  }
}
