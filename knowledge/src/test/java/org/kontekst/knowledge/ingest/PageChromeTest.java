package org.kontekst.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageChromeTest {

  private static PageChrome.CleanPage clean(Path file) throws IOException {
    return PageChrome.clean(SourceText.decode(Files.readAllBytes(file)));
  }

  private static Path sharedSample() {
    String property = System.getProperty("kontekst.shared");
    Path sample = property == null ? null : Path.of(property, "kb-sample");
    assumeTrue(
        sample != null && Files.isDirectory(sample),
        "../shared is missing (system property kontekst.shared = " + property + "); skipping the kb-sample chrome tests");
    return sample;
  }

  private static void assertGone(PageChrome.CleanPage page, String... chrome) {
    for (String c : chrome) {
      assertFalse(page.text().contains(c), "'" + c + "' should be gone from:\n" + page.text());
    }
  }

  @Test
  void should_remove_byline_comment_prompt_and_related_posts_block() throws IOException {
    PageChrome.CleanPage page = clean(sharedSample().resolve("001_95c10ad02f7b5b40.txt"));

    assertEquals(
        "A new united front between Putin and Kim Jong-un: weapons in exchange for food and currency", page.title());
    assertGone(page, "by archynewsycom", "0 comment", "Related Posts", "Leave a Comment");
    assertTrue(page.text().startsWith("Vladimir Putin y Kim Jong-un they have only met face to face once."));
    assertTrue(page.text().contains("along with Eritrea, Belarus and Syria"), "the last paragraph stays");
  }

  @Test
  void should_remove_view_counters_timestamped_links_and_the_news_by_theme_list() throws IOException {
    PageChrome.CleanPage page = clean(sharedSample().resolve("002_397ea974bc9713a5.txt"));

    assertEquals(
        "On the eve of his visit to the DPRK: Putin promises Pyongyang to build trade to circumvent Western sanctions",
        page.title());
    assertGone(page, "переглядiв", "News by theme", "EU leaders fail to agree", "Reserve+", "27.05.24, 14:20",
        "15.06.24, 04:11", "Volodymyr Omelchenko", "News of the World");
    assertTrue(page.text().contains("Reuters adds that the delegation will include Russian Defense Minister Andrei Belousov"));
    assertTrue(page.text().endsWith("North Korea has sent containers to Russiathat can store about 5 million artillery shells."));
  }

  @Test
  void should_drop_the_page_header_and_the_outlets_promotion() throws IOException {
    PageChrome.CleanPage page = clean(sharedSample().resolve("000_c041502acc5a87d0.txt"));

    assertTrue(page.title().contains("The meeting between Putin and Kim Jong-un will be decisive"), page.title());
    assertGone(page, "Spilnota Detector Media", "іді на", "working for our readers", "resumes the work of our Community");
    assertTrue(page.text().contains("Jens Stoltenberg"));
  }

  @Test
  void should_drop_the_breadcrumb_the_repeated_title_and_you_may_also_like() throws IOException {
    PageChrome.CleanPage page = clean(sharedSample().resolve("004_89067025f5abcdec.txt"));

    assertEquals("Putin and Kim Jong-in signed a “comprehensive strategic partnership” agreement", page.title());
    assertGone(page, "Home »", "by alex", "You may also like", "Leave a Comment", "/Photo from");
    assertFalse(page.text().startsWith("Putin and Kim Jong-in signed a “comprehensive"), page.text());
    assertTrue(page.text().contains("North Korea helps Russia in the war."));
  }

  @Test
  void should_title_a_page_that_starts_with_a_paragraph_by_its_first_sentence_and_keep_it() throws IOException {
    PageChrome.CleanPage page = clean(sharedSample().resolve("003_e4df4ceb0f96df27.txt"));

    assertTrue(page.title().startsWith("Since June, Ukraine has been waging a counter-offensive"), page.title());
    assertTrue(page.title().length() <= 161, page.title());
    assertTrue(page.text().startsWith("Since June, Ukraine has been waging a counter-offensive"));
    assertTrue(page.text().contains("Sergei Shoigu recently traveled to North Korea"));
  }

  @Test
  void should_clean_the_demo_raw_pages() throws IOException {
    Path raw = Path.of("..", "demo", "kb-raw");
    assumeTrue(Files.isDirectory(raw), "demo/kb-raw is missing (tests run from the module folder)");
    List<Path> files;
    try (var listing = Files.list(raw)) {
      files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertTrue(files.size() >= 2, "demo/kb-raw has raw pages");
    for (Path file : files) {
      PageChrome.CleanPage page = clean(file);
      assertGone(page, "Share", "Поділитися", "Поделиться", "Related Posts", "Читайте також", "Читайте также",
          "Leave a Comment", "Коментарі", "Комментарии", "переглядів", "Просмотров", "Home »", "Головна »",
          "Главная ›", "Subscribe", "Підписуйтесь", "Подписывайтесь", "You may also like");
      assertTrue(page.text().split("\n\n").length >= 3, file + ": the article body remains:\n" + page.text());
    }
  }

  @Test
  void should_keep_article_paragraphs_that_mention_comments_photos_or_views() {
    String page = String.join("\n\n",
        "Officials deny the video is real",
        "Officials said the photo: a frame from 2019, was taken out of context, and the comments under it were written by bots.",
        "Views differ on who posted it first, but 12 views in the first minute were from accounts created that day.",
        "Share");

    PageChrome.CleanPage clean = PageChrome.clean(SourceText.normalize(page));

    assertEquals("Officials deny the video is real", clean.title());
    assertTrue(clean.text().contains("the comments under it were written by bots."));
    assertTrue(clean.text().contains("12 views in the first minute"));
    assertFalse(clean.text().contains("Share"));
  }

  @Test
  void should_refuse_a_page_that_is_only_chrome() {
    ImportException e = org.junit.jupiter.api.Assertions.assertThrows(
        ImportException.class, () -> PageChrome.clean("Share\n\nLeave a Comment\n\n• 123 views\n"));
    assertTrue(e.getMessage().contains("no article text is left"), e.getMessage());
  }
}
