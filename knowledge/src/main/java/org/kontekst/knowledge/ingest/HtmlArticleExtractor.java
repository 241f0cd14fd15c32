package org.kontekst.knowledge.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads an article out of an HTML page, readability-style: metadata from JSON-LD ({@code
 * NewsArticle}, {@code Article} and kin: headline, datePublished, publisher.name) and Open Graph
 * ({@code og:title}, {@code og:site_name}, {@code article:published_time}); the body from the
 * element whose paragraphs carry the most text with the fewest links, after navigation, asides,
 * footers, scripts, styles, forms and comments are dropped. Stateless and thread-safe.
 */
public final class HtmlArticleExtractor {
  /** Fewer characters than this is a teaser or an error page, not an article. */
  static final int MIN_TEXT_CHARS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES =
      Set.of("newsarticle", "article", "reportagenews", "analysisnewsarticle", "blogposting",
          "backgroundnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "report", "scholarlyarticle");
  private static final String CHROME =
      "script, style, noscript, template, nav, aside, footer, form, iframe, svg, canvas, button, input,"
          + " select, textarea, dialog, menu, [role=navigation], [role=complementary], [role=contentinfo],"
          + " [aria-hidden=true], [hidden]";
  private static final Pattern UNLIKELY =
      Pattern.compile("comment|meta|footer|footnote|related|share|social|sidebar|promo|advert|sponsor|subscribe"
          + "|newsletter|cookie|banner|breadcrumb|popup|modal|widget|recommend|most-read|tags", Pattern.CASE_INSENSITIVE);
  private static final Pattern LIKELY =
      Pattern.compile("article|body|content|entry|main|post|story|text|news", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  /** Parses and extracts a fetched page; the charset is the server's or else the page's meta tag. */
  public WebArticle extract(FetchedPage page) throws FetchException {
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(page.body()), page.charset().isEmpty() ? null : page.charset(), page.url().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("reading bytes from memory cannot fail", e);
    }
    return extract(doc, page.url());
  }

  /** Extracts from HTML text (tests, pasted HTML). */
  public WebArticle extract(String html, URI url) throws FetchException {
    return extract(Jsoup.parse(html, url.toString()), url);
  }

  private WebArticle extract(Document doc, URI url) throws FetchException {
    Optional<JsonNode> ld = jsonLdArticle(doc);
    String title = first(
        ld.map(n -> text(n.get("headline"))).orElse(""),
        meta(doc, "og:title"),
        meta(doc, "twitter:title"),
        doc.select("h1").stream().findFirst().map(Element::text).orElse(""),
        doc.title());
    String outlet = first(
        meta(doc, "og:site_name"),
        ld.map(n -> publisher(n.get("publisher"))).orElse(""),
        url.getHost() == null ? "" : url.getHost().replaceFirst("^www\\.", ""));
    LocalDate published = date(meta(doc, "article:published_time"))
        .or(() -> ld.flatMap(n -> date(text(n.get("datePublished")))))
        .or(() -> date(meta(doc, "date")))
        .or(() -> doc.select("time[datetime]").stream().findFirst().flatMap(t -> date(t.attr("datetime"))))
        .orElse(null);
    String language = doc.select("html[lang]").attr("lang");
    String body = body(doc);
    if (body.length() < MIN_TEXT_CHARS) {
      String fromLd = ld.map(n -> text(n.get("articleBody"))).orElse("");
      body = fromLd.length() > body.length() ? fromLd : body;
    }
    if (body.length() < MIN_TEXT_CHARS) {
      throw new FetchException(
          FetchException.Reason.NO_TEXT, String.valueOf(body.length()),
          "the page has no article text (" + body.length() + " characters found)");
    }
    if (title.isBlank()) {
      title = body.lines().findFirst().orElse("").strip();
      title = title.length() > 200 ? title.substring(0, 200) + "…" : title;
    }
    return new WebArticle(oneLine(title), oneLine(outlet), published, body, language, url.toString());
  }

  private static String body(Document doc) {
    doc.select(CHROME).remove();
    Element root = doc.body();
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : root.select("p, pre, td, blockquote")) {
      String text = p.text();
      if (text.length() < 25) {
        continue;
      }
      double score = 1 + count(text, ',') + count(text, '，') + Math.min(text.length() / 100.0, 3);
      Element parent = p.parent();
      if (parent != null) {
        scores.merge(parent, score, Double::sum);
        Element grand = parent.parent();
        if (grand != null) {
          scores.merge(grand, score / 2, Double::sum);
        }
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      Element el = e.getKey();
      double score = (e.getValue() + classWeight(el)) * (1 - linkDensity(el));
      if (score > bestScore) {
        best = el;
        bestScore = score;
      }
    }
    if (best == null) {
      return root.text().strip();
    }
    List<String> blocks = new ArrayList<>();
    for (Element block : best.select("p, h2, h3, h4, li, blockquote, pre")) {
      if (nestedInBlock(block, best)) {
        continue; // taken with the block around it
      }
      String text = block.text().strip();
      if (text.isEmpty() || (block.tagName().equals("li") && linkDensity(block) > 0.5)) {
        continue;
      }
      if (UNLIKELY.matcher(block.className() + " " + block.id()).find() && !block.tagName().equals("p")) {
        continue;
      }
      blocks.add(text);
    }
    String text = String.join("\n\n", blocks).strip();
    return text.isEmpty() ? best.text().strip() : text;
  }

  private static boolean nestedInBlock(Element block, Element root) {
    for (Element p = block.parent(); p != null && p != root; p = p.parent()) {
      if (Set.of("p", "li", "blockquote", "pre").contains(p.tagName())) return true;
    }
    return false;
  }

  private static double classWeight(Element e) {
    String names = e.className() + " " + e.id();
    double weight = 0;
    if (e.tagName().equals("article") || e.tagName().equals("main")) weight += 10;
    if (LIKELY.matcher(names).find()) weight += 5;
    if (UNLIKELY.matcher(names).find()) weight -= 15;
    return weight;
  }

  private static double linkDensity(Element e) {
    int all = e.text().length();
    if (all == 0) {
      return 1;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      links += a.text().length();
    }
    return Math.min(1, links / (double) all);
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
    return n;
  }

  /** The first JSON-LD object of an article type, looking into arrays and {@code @graph}. */
  private static Optional<JsonNode> jsonLdArticle(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = JSON.readTree(script.data());
      } catch (IOException e) {
        continue; // broken JSON-LD is common; the page's meta tags still count
      }
      Optional<JsonNode> found = findArticle(root, 0);
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> findArticle(JsonNode node, int depth) {
    if (node == null || depth > 5) return Optional.empty();
    if (node.isArray()) {
      for (JsonNode item : node) {
        Optional<JsonNode> found = findArticle(item, depth + 1);
        if (found.isPresent()) return found;
      }
      return Optional.empty();
    }
    if (!node.isObject()) return Optional.empty();
    JsonNode type = node.get("@type");
    List<String> types = new ArrayList<>();
    if (type != null && type.isTextual()) types.add(type.asText());
    if (type != null && type.isArray()) type.forEach(t -> types.add(t.asText()));
    for (String t : types) {
      if (ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT))) return Optional.of(node);
    }
    return findArticle(node.get("@graph"), depth + 1);
  }

  private static String publisher(JsonNode publisher) {
    if (publisher == null) return "";
    if (publisher.isArray()) return publisher.size() == 0 ? "" : publisher(publisher.get(0));
    if (publisher.isTextual()) return publisher.asText();
    return text(publisher.get("name"));
  }

  private static String text(JsonNode node) {
    if (node == null) return "";
    if (node.isArray()) return node.size() == 0 ? "" : text(node.get(0));
    return node.isValueNode() ? Jsoup.parse(node.asText()).text().strip() : "";
  }

  private static String meta(Document doc, String name) {
    Elements found = doc.select("meta[property=\"" + name + "\"], meta[name=\"" + name + "\"], meta[itemprop=\"" + name + "\"]");
    for (Element m : found) {
      String content = m.attr("content").strip();
      if (!content.isEmpty()) return content;
    }
    return "";
  }

  /** A date from ISO text: a date-time with an offset (taken in its own zone), or the leading yyyy-mm-dd. */
  static Optional<LocalDate> date(String value) {
    if (value == null || value.isBlank()) return Optional.empty();
    String v = value.strip();
    try {
      return Optional.of(OffsetDateTime.parse(v).toLocalDate());
    } catch (DateTimeParseException e) {
      Matcher m = DATE.matcher(v);
      if (m.lookingAt()) {
        try {
          return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException bad) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) return v.strip();
    }
    return "";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
