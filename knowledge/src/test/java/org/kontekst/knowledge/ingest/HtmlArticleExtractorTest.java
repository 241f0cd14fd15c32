package org.kontekst.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlArticleExtractorTest {
  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();
  private final URI url = URI.create("https://www.example-news.org/2024/06/19/pyongyang-treaty");

  static final String NEWS_PAGE = """
      <!doctype html><html lang="en"><head>
      <title>Putin and Kim sign pact | Example News</title>
      <meta property="og:title" content="Putin and Kim sign a mutual defence pact in Pyongyang">
      <meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2024-06-19T21:05:00+03:00">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Example"},
        {"@type":"NewsArticle","headline":"Putin &amp; Kim sign a defence pact","datePublished":"2024-06-19",
         "publisher":{"@type":"Organization","name":"Example News Ltd"}}]}</script>
      <style>p { color: red }</style>
      </head><body>
      <header><a href="/">Home</a> <a href="/world">World</a></header>
      <nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Business, markets and money</a></li></ul></nav>
      <div class="cookie-banner"><p>We use cookies to improve your experience on our website, click to accept.</p></div>
      <main><article class="article-body">
        <h1>Putin and Kim sign pact</h1>
        <p>Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a treaty on a comprehensive
        strategic partnership in Pyongyang on Wednesday, pledging mutual assistance if either is attacked.</p>
        <p>The agreement, the strongest between the two countries since the end of the Cold War, was signed
        during Putin's first visit to North Korea in 24 years, according to state media in both countries.</p>
        <p>Analysts in Seoul said the pact could allow Moscow to obtain more artillery shells and ballistic
        missiles for its war in Ukraine, in violation of United Nations sanctions.</p>
        <!-- an editor's comment that must not appear -->
        <script>var tracking = "must not appear";</script>
      </article></main>
      <aside><h3>Most read</h3><p>Another story that is popular today with readers all over the world.</p></aside>
      <footer><p>© Example News 2024. All rights reserved. Contact us, advertise, careers.</p></footer>
      </body></html>
      """;

  @Test
  void should_read_title_outlet_date_and_the_article_body_of_a_news_page() throws Exception {
    WebArticle a = extractor.extract(NEWS_PAGE, url);

    assertEquals("Putin & Kim sign a defence pact", a.title());
    assertEquals("Example News", a.outlet());
    assertEquals(LocalDate.of(2024, 6, 19), a.published());
    assertEquals("en", a.declaredLanguage());
    assertTrue(a.text().startsWith("Russian President Vladimir Putin"), a.text());
    assertTrue(a.text().contains("violation of United Nations sanctions."), a.text());
    for (String chrome : new String[] {"cookies", "Most read", "rights reserved", "must not appear", "editor's comment", "Politics"}) {
      assertFalse(a.text().contains(chrome), chrome + " in " + a.text());
    }
  }

  @Test
  void should_fall_back_to_open_graph_and_the_host_without_json_ld() throws Exception {
    String html = NEWS_PAGE.replaceAll("(?s)<script type=\"application/ld\\+json\">.*?</script>", "")
        .replace("<meta property=\"og:site_name\" content=\"Example News\">", "");

    WebArticle a = extractor.extract(html, url);

    assertEquals("Putin and Kim sign a mutual defence pact in Pyongyang", a.title());
    assertEquals("example-news.org", a.outlet());
    assertEquals(LocalDate.of(2024, 6, 19), a.published());
  }

  @Test
  void should_refuse_a_page_without_article_text() {
    FetchException e = assertThrows(FetchException.class,
        () -> extractor.extract("<html><body><nav><a href='/'>Home</a></nav><p>Not found.</p></body></html>", url));

    assertEquals(FetchException.Reason.NO_TEXT, e.reason());
  }

  @Test
  void should_survive_broken_json_ld_and_hostile_markup() throws Exception {
    String html = NEWS_PAGE.replace("\"@context\"", "{{{ not json").replace("<h1>", "<h1><img src=x onerror=alert(1)>");

    WebArticle a = extractor.extract(html, url);

    assertEquals("Putin and Kim sign a mutual defence pact in Pyongyang", a.title());
    assertFalse(a.text().contains("onerror"));
  }
}
