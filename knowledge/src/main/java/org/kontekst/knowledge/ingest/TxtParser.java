package org.kontekst.knowledge.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads an article pasted from a web page: the title is the first meaningful line, the indexed text
 * is the page without its chrome ({@link PageChrome}), and the body keeps the paste as it came.
 * Outlet, url and date are unknown in this format.
 */
final class TxtParser implements ArticleParser {

  @Override
  public List<ParsedArticle> parse(String text, String suggestedId, LocalDate today) {
    if (text.isBlank()) {
      throw new ImportException(0, "the file is empty; paste the article into it, or remove the file");
    }
    PageChrome.CleanPage page = PageChrome.clean(text);
    return List.of(
        new ParsedArticle(
            suggestedId,
            ArticleFields.title(page.title(), 1),
            "",
            "",
            null,
            null,
            text,
            page.text(),
            List.of(),
            null,
            1));
  }
}
