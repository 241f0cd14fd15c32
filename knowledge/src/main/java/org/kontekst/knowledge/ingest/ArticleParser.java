package org.kontekst.knowledge.ingest;

import java.time.LocalDate;
import java.util.List;

/** Reads the articles of one input in one format; throws {@link ImportException} on bad input. */
interface ArticleParser {

  /**
   * @param text decoded and normalised text ({@link SourceText})
   * @param suggestedId the id for formats that carry none (the file name without extension)
   * @param today the date against which a published date must be plausible
   */
  List<ParsedArticle> parse(String text, String suggestedId, LocalDate today);

  static ArticleParser of(SourceFormat format, long maxArticleChars) {
    return switch (format) {
      case TXT -> new TxtParser();
      case MD -> new MarkdownParser();
      case JSONL -> new JsonlParser(maxArticleChars);
      case CLAIM_REVIEW -> new ClaimReviewParser();
    };
  }
}
