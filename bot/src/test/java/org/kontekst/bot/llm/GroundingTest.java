package org.kontekst.bot.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.llm.Grounding.Verdict;
import org.kontekst.knowledge.check.Match;

class GroundingTest {
  private static final List<Match> SOURCES = List.of(Sources.BUCHA, Sources.IMAGES);

  private static Verdict en(String text) {
    return Grounding.check(text, SOURCES, InterfaceLanguage.EN).verdict();
  }

  @Test
  void should_accept_a_paragraph_that_cites_the_sources_and_their_numbers() {
    assertEquals(Verdict.ACCEPTED, en(Sources.GOOD_EN));
    assertEquals(Verdict.ACCEPTED, Grounding.check(Sources.GOOD_UK, SOURCES, InterfaceLanguage.UK).verdict());
  }

  @Test
  void should_accept_citations_after_the_full_stop_and_put_them_before_it() {
    Grounding.Result result = Grounding.check("Images show bodies on Yablunska Street. [1] Maxar released them.[2]", SOURCES, InterfaceLanguage.EN);

    assertEquals(Verdict.ACCEPTED, result.verdict());
    assertEquals("Images show bodies on Yablunska Street [1]. Maxar released them [2].", result.text());
  }

  @Test
  void should_refuse_a_citation_of_a_source_that_was_not_given() {
    assertEquals(Verdict.BAD_CITATION, en("Images show bodies on the street [3]."));
    assertEquals(Verdict.BAD_CITATION, en("Images show bodies on the street [0]."));
    assertEquals(Verdict.BAD_CITATION, en("Images show bodies on the street [1][source: RT]."));
    assertEquals(Verdict.BAD_CITATION, en("Images show bodies on the street [https://rt.com]."));
    assertEquals(Verdict.BAD_CITATION, en("Images show bodies on the street [1] and [7 in the sources."));
  }

  @Test
  void should_refuse_a_paragraph_without_citations_or_with_an_uncited_sentence() {
    assertEquals(Verdict.UNCITED, en("Images show bodies on the street."));
    assertEquals(Verdict.UNCITED, en("Images show bodies on the street [1]. The post is therefore entirely true."));
  }

  @Test
  void should_refuse_links_that_the_sources_do_not_contain() {
    assertEquals(Verdict.LINK, en("Images show bodies on the street, see https://example.org/bucha [1]."));
    assertEquals(Verdict.LINK, en("Images show bodies on the street, as truth-news.ru says [1]."));
    assertEquals(Verdict.LINK, en("Images show bodies on the street, follow @realtruth [1]."));
    assertEquals(Verdict.ACCEPTED, en("Images show bodies on the street, as example.org reports [1]."));
  }

  @Test
  void should_refuse_numbers_that_the_cited_sources_do_not_state() {
    assertEquals(Verdict.UNGROUNDED_NUMBER, en("About 300 bodies were seen [1]."));
    assertEquals(Verdict.UNGROUNDED_NUMBER, en("Maxar checked them against 412 reported deaths [1]."));
    assertEquals(Verdict.ACCEPTED, en("Maxar checked them against 412 reported deaths [2]."));
    assertEquals(Verdict.ACCEPTED, en("The article of 4 April 2022 describes the images [1]."));
    assertEquals(Verdict.ACCEPTED, en("Images from 19.03.2022 show bodies on the street [1]."));
  }

  @Test
  void should_compare_numbers_by_their_digits_whatever_the_separators() {
    assertEquals(Grounding.numbers("4.8 million, 1,000 people"), Grounding.numbers("4,8 млн; 1 000 осіб"));
  }

  @Test
  void should_refuse_a_paragraph_in_another_language() {
    assertEquals(Verdict.WRONG_LANGUAGE, en(Sources.GOOD_UK));
    assertEquals(Verdict.WRONG_LANGUAGE, Grounding.check(Sources.GOOD_EN, SOURCES, InterfaceLanguage.UK).verdict());
    String russian =
        "Спутниковые снимки показывают тела на улице Яблонской ещё до того, как российские войска покинули этот город [1]. "
            + "Эти снимки опубликовала компания Maxar Technologies [2].";
    assertEquals(Verdict.WRONG_LANGUAGE, Grounding.check(russian, SOURCES, InterfaceLanguage.UK).verdict());
  }

  @Test
  void should_refuse_empty_and_overlong_paragraphs() {
    assertEquals(Verdict.EMPTY, en("  "));
    assertEquals(Verdict.EMPTY, en(null));
    assertEquals(Verdict.TOO_LONG, en("Images show bodies on the street [1]. ".repeat(40)));
  }
}
