package org.kontekst.bot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;

/** /add against a local HTTP server: realistic pages, redirects, huge pages and private addresses. */
class AddCommandTest {
  private CurationFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new CurationFixture().withRoles();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void should_add_a_news_page_with_title_outlet_date_language_and_body_as_pending_for_a_curator() {
    String reply = f.say(CurationFixture.CURATOR, "/add " + f.url("/news/putin-kim-treaty-signed"));

    assertTrue(reply.startsWith("Added as pending: <code>putin-kim-treaty-signed</code>"), reply);
    Article a = f.store.articles().find("putin-kim-treaty-signed").orElseThrow();
    assertEquals("Putin and Kim sign a mutual defence pact", a.title());
    assertEquals("Example News", a.outlet());
    assertEquals(LocalDate.of(2024, 6, 19), a.published());
    assertEquals("en", a.language());
    assertEquals(ArticleStatus.PENDING, a.status());
    assertEquals(f.url("/news/putin-kim-treaty-signed"), a.url());
    assertTrue(a.text().startsWith("Russian President Vladimir Putin"), a.text());
    assertTrue(!a.text().contains("All rights reserved") && !a.text().contains("Home"), a.text());
  }

  @Test
  void should_follow_a_redirect_and_store_the_final_address() {
    String reply = f.say(CurationFixture.MODERATOR, "/add " + f.url("/short"));

    assertTrue(reply.startsWith("Added and published: <code>putin-kim-treaty-signed</code>"), reply);
    assertEquals(f.url("/news/putin-kim-treaty-signed"), f.store.articles().find("putin-kim-treaty-signed").orElseThrow().url());
  }

  @Test
  void should_give_a_second_addition_of_the_same_page_its_own_id() {
    f.say(CurationFixture.CURATOR, "/add " + f.url("/news/putin-kim-treaty-signed"));

    String reply = f.say(CurationFixture.CURATOR, "/add " + f.url("/news/putin-kim-treaty-signed"));

    assertTrue(reply.contains("<code>putin-kim-treaty-signed-2</code>"), reply);
  }

  @Test
  void should_refuse_unsafe_and_broken_links_with_a_clear_reason_and_store_nothing() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("http://10.0.0.1/admin", "10.0.0.1 points to a private or local network address");
    cases.put("http://127.0.0.1:" + f.port() + "/news/putin-kim-treaty-signed", "Added"); // the test policy's one exception
    cases.put("http://[::1]:" + f.port() + "/", "[::1] points to a private or local network address");
    cases.put("http://0.0.0.0:" + f.port() + "/", "0.0.0.0 points to a private or local network address");
    cases.put("http://intranet.test/", "intranet.test points to a private or local network address");
    cases.put("http://rebind.test/", "rebind.test points to a private or local network address");
    cases.put("http://mapped.test/", "mapped.test points to a private or local network address");
    cases.put(f.url("/to-metadata"), "169.254.169.254 points to a private or local network address");
    cases.put(f.url("/to-private-name"), "intranet.test points to a private or local network address");
    cases.put(f.url("/loop"), "The link redirects too often or to a bad place (5).");
    cases.put(f.url("/huge"), "The page is larger than 2 MB.");
    cases.put(f.url("/huge-declared"), "The page is larger than 2 MB.");
    cases.put(f.url("/file.pdf"), "That link is not a web page (application/pdf).");
    cases.put(f.url("/gone"), "The site answered with error 404.");
    cases.put(f.url("/slow"), "news.test took too long to answer.");
    cases.put("http://nowhere.test/", "The site nowhere.test does not exist");
    cases.put("file:///etc/passwd", "Only http and https links can be fetched, not file.");
    cases.put("javascript:alert(1)", "Only http and https links can be fetched, not javascript.");
    cases.put("ftp://example.org/x", "Only http and https links can be fetched, not ftp.");
    cases.put("http://user:secret@news.test/", "That is not a link I can fetch");
    cases.put("http:///nohost", "That is not a link I can fetch");
    cases.put("<script>", "That is not a link I can fetch: &lt;script&gt;.");
    cases.put("news.test/news/putin-kim-treaty-signed", "That is not a link I can fetch: news.test/news");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      int before = f.store.articles().all().size();

      String reply = f.say(CurationFixture.CURATOR, "/add " + c.getKey());

      assertTrue(reply.startsWith(c.getValue()), c.getKey() + " -> " + reply);
      if (!c.getValue().equals("Added")) {
        assertEquals(before, f.store.articles().all().size(), c.getKey());
      }
    }
  }

  @Test
  void should_add_a_pasted_article_text_answered_with_add() {
    String pasted = """
        Ukraine's grain corridor shipped 30 million tonnes in its first year

        Ships leaving Odesa's ports carried more than 30 million tonnes of grain and other food to
        Africa, Asia and Europe in the first year of the Black Sea corridor, officials said, and the
        route kept working despite Russian attacks on port infrastructure and threats to shipping.
        """;

    String reply = f.sayInReplyTo(CurationFixture.CURATOR, "/add", pasted);

    assertTrue(reply.startsWith("Added as pending: <code>ukraine-s-grain-corridor-shipped-30-million-tonnes-in-its</code>"), reply);
    Article a = f.store.articles().find("ukraine-s-grain-corridor-shipped-30-million-tonnes-in-its").orElseThrow();
    assertEquals("Ukraine's grain corridor shipped 30 million tonnes in its first year", a.title());
    assertEquals("en", a.language());
  }

  @Test
  void should_escape_hostile_html_in_a_pasted_title_when_it_is_shown() {
    String pasted = "<b>Bold</b> & <script>alert(1)</script> title\n\n" + "A body that is long enough to be an article, ".repeat(5);
    String reply = f.sayInReplyTo(CurationFixture.CURATOR, "/add", pasted);
    String id = reply.replaceAll("(?s).*<code>([^<]+)</code>.*", "$1");

    String shown = f.say(CurationFixture.CURATOR, "/show " + id);

    assertTrue(shown.startsWith("<b>&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;"), shown);
  }
}
