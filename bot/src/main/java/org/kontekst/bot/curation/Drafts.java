package org.kontekst.bot.curation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.article.Languages;
import org.kontekst.knowledge.ingest.ArticleImporter;
import org.kontekst.knowledge.ingest.FetchException;
import org.kontekst.knowledge.ingest.FetchedPage;
import org.kontekst.knowledge.ingest.HtmlArticleExtractor;
import org.kontekst.knowledge.ingest.ImportException;
import org.kontekst.knowledge.ingest.PageFetcher;
import org.kontekst.knowledge.ingest.SourceFormat;
import org.kontekst.knowledge.ingest.WebArticle;
import org.kontekst.knowledge.language.LanguageDetector;

/**
 * Article drafts for {@code /add}: from a web page (fetched safely, extracted readability-style)
 * or from a pasted text (read like an imported .txt file: the first line is the title, page chrome
 * is dropped). A draft is pending with an id made from the link or the title; {@link Curation#add}
 * decides its status and makes the id unique.
 */
public final class Drafts {
  private final PageFetcher fetcher;
  private final HtmlArticleExtractor extractor;
  private final ArticleImporter importer;
  private final LanguageDetector languages;
  private final Clock clock;

  public Drafts(PageFetcher fetcher, HtmlArticleExtractor extractor, ArticleImporter importer, LanguageDetector languages, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.importer = Objects.requireNonNull(importer, "importer");
    this.languages = Objects.requireNonNull(languages, "languages");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Checks {@code url} as a link without fetching it (see {@link PageFetcher#checkLink}). */
  public void checkLink(String url) throws FetchException {
    PageFetcher.checkLink(url);
  }

  /** Fetches and reads the page at {@code url}. */
  public Article fromUrl(String url) throws FetchException {
    FetchedPage page = fetcher.fetch(url);
    WebArticle web = extractor.extract(page);
    String language = languages.detect(web.title() + "\n" + web.text());
    if (language.equals(Languages.UNKNOWN)) {
      try {
        language = Languages.require(web.declaredLanguage());
      } catch (IllegalArgumentException e) {
        language = Languages.UNKNOWN;
      }
    }
    Instant now = clock.instant();
    return new Article(idFor(page.url(), web.title()), web.title(), web.outlet(), page.url().toString(), web.published(),
        language, web.text(), web.text(), List.of(), ArticleStatus.PENDING, now, now);
  }

  /**
   * Reads a pasted article.
   *
   * @throws ImportException when the text cannot be an article; its message says why
   */
  public Article fromText(String text) {
    Article parsed = importer.parse(text, "draft", SourceFormat.TXT).get(0);
    return new Article(slug(parsed.title()), parsed.title(), parsed.outlet(), parsed.url(), parsed.published(),
        parsed.language(), parsed.body(), parsed.text(), parsed.tags(), ArticleStatus.PENDING, parsed.created(), parsed.updated());
  }

  /** The last meaningful path segment of the link ("putin-kim-treaty"), or else the title. */
  static String idFor(URI url, String title) {
    String path = url.getPath() == null ? "" : url.getPath();
    String[] segments = path.split("/");
    for (int i = segments.length - 1; i >= 0; i--) {
      String s = segments[i].replaceFirst("(?i)\\.(s?html?|php|aspx?)$", "");
      if (s.chars().filter(Character::isLetter).count() >= 8) {
        return slug(s);
      }
    }
    return slug(title);
  }

  /** A valid article id of at most 60 characters from any text. */
  static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    s = s.replaceAll("-+$", "");
    return s.isEmpty() ? "article" : s;
  }
}
