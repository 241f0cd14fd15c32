package org.kontekst.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.ArticleRepository;
import org.kontekst.knowledge.store.KnowledgeStore;

class ArticleImporterTest {
  private static final Instant T1 = Instant.parse("2024-07-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2024-07-02T10:00:00Z");

  @TempDir Path tmp;
  private Path kb;
  private KnowledgeStore store;
  private ArticleRepository articles;

  @BeforeEach
  void open() throws IOException {
    kb = Files.createDirectories(tmp.resolve("kb"));
    store = KnowledgeStore.open(tmp.resolve("data"));
    articles = store.articles();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ArticleImporter importer(Instant now) {
    return new ArticleImporter(
        articles, LanguageDetector.standard(), Clock.fixed(now, ZoneOffset.UTC), ImportLimits.DEFAULT);
  }

  private Path write(String name, String content) throws IOException {
    Path file = kb.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static String md(String frontMatter, String body) {
    return "---\n" + frontMatter + "\n---\n\n" + body + "\n";
  }

  private static final String BODY_EN =
      "The dam on the Dnipro was destroyed in the early hours of 6 June 2023. Water flooded towns"
          + " downstream, and thousands of people had to leave their homes.";

  private static final String FRONT =
      "title: Kakhovka dam destroyed\noutlet: Kontekst test\npublished: 2023-06-06\nlanguage: en\n"
          + "url: https://example.org/kakhovka\ntags: [Kakhovka, \"dam, Dnipro\", flood]";

  private ImportOutcome.Failed failed(ImportOutcome outcome) {
    return assertInstanceOf(ImportOutcome.Failed.class, outcome, () -> outcome.describe());
  }

  @Test
  void should_import_md_txt_and_jsonl_from_a_folder() throws IOException {
    // given
    write("kakhovka.md", md(FRONT, BODY_EN));
    write("raw/bucha-page.txt", "Home » News » Bodies found in Bucha after the withdrawal\n\n"
        + "Bodies found in Bucha after the withdrawal\n\nby staff\n\n" + BODY_EN + "\n\nLeave a Comment\n");
    write("more.jsonl", "{\"id\":\"a-1\",\"title\":\"First\",\"body\":\"" + BODY_EN + "\",\"tags\":[\"x\"]}\n\n"
        + "{\"id\":\"a-2\",\"title\":\"Другий\",\"body\":\"Це стаття українською мовою про обстріл.\",\"status\":\"pending\"}\n");

    // when
    List<ImportOutcome> outcomes = importer(T1).importPaths(List.of(kb));

    // then
    assertEquals(3, outcomes.size(), outcomes.toString());
    outcomes.forEach(o -> assertInstanceOf(ImportOutcome.Imported.class, o, o.describe()));
    Article md = articles.find("kakhovka").orElseThrow();
    assertEquals("Kakhovka dam destroyed", md.title());
    assertEquals("Kontekst test", md.outlet());
    assertEquals(LocalDate.of(2023, 6, 6), md.published());
    assertEquals(List.of("Kakhovka", "dam, Dnipro", "flood"), md.tags());
    assertEquals(ArticleStatus.PUBLISHED, md.status());
    Article txt = articles.find("bucha-page").orElseThrow();
    assertEquals("Bodies found in Bucha after the withdrawal", txt.title());
    assertEquals(BODY_EN, txt.text());
    assertTrue(txt.body().contains("Leave a Comment"), "body keeps the paste as it came");
    assertEquals("", txt.outlet());
    assertEquals(null, txt.published());
    assertEquals("en", txt.language());
    assertEquals("uk", articles.find("a-2").orElseThrow().language());
    assertEquals(ArticleStatus.PENDING, articles.find("a-2").orElseThrow().status());
  }

  @Test
  void should_update_in_place_and_keep_created_time_on_reimport() throws IOException {
    // given
    Path file = write("kakhovka.md", md(FRONT, BODY_EN));
    importer(T1).importPaths(List.of(file));
    long revision = articles.revision();

    // when
    write("kakhovka.md", md(FRONT.replace("Kakhovka dam destroyed", "Kakhovka dam breached"), BODY_EN));
    importer(T2).importPaths(List.of(file));

    // then
    Article a = articles.find("kakhovka").orElseThrow();
    assertEquals("Kakhovka dam breached", a.title());
    assertEquals(T1, a.created());
    assertEquals(T2, a.updated());
    assertEquals(1, articles.count(ArticleStatus.PUBLISHED));
    assertTrue(articles.revision() > revision, "the index owner sees the KB changed");
  }

  @Test
  void should_roll_back_a_jsonl_file_with_a_malformed_line_and_import_the_other_files() throws IOException {
    // given: a1 is in the KB, the jsonl would change it, but its line 3 is broken
    importer(T1).importText("{\"id\":\"a1\",\"title\":\"Old\",\"body\":\"" + BODY_EN + "\"}", "ignored", SourceFormat.JSONL);
    write("a.jsonl", "{\"id\":\"a1\",\"title\":\"New\",\"body\":\"" + BODY_EN + "\"}\n"
        + "{\"id\":\"a2\",\"title\":\"Two\",\"body\":\"" + BODY_EN + "\"}\n"
        + "{\"id\":\"a3\",\"title\":\"Three\",\"body\":\"unterminated}\n");
    write("b.md", md(FRONT, BODY_EN));

    // when
    List<ImportOutcome> outcomes = importer(T2).importPaths(List.of(kb));

    // then
    ImportOutcome.Failed failure = failed(outcomes.get(0));
    assertEquals(3, failure.line());
    assertTrue(failure.describe().startsWith(kb.resolve("a.jsonl") + ":3: not valid JSON"), failure.describe());
    assertInstanceOf(ImportOutcome.Imported.class, outcomes.get(1));
    assertEquals("Old", articles.find("a1").orElseThrow().title());
    assertTrue(articles.find("a2").isEmpty());
    assertTrue(articles.find("b").isPresent());
  }

  @Test
  void should_refuse_a_binary_file() throws IOException {
    Path file = kb.resolve("scan.txt");
    Files.write(file, new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 0, 1, 2, (byte) 0xFF});

    ImportOutcome.Failed failure = failed(importer(T1).importFile(file));

    assertEquals(2, failure.line());
    assertTrue(failure.message().contains("binary"), failure.message());
  }

  @Test
  void should_name_the_line_of_bad_utf8_and_suggest_saving_as_utf8() throws IOException {
    Path file = kb.resolve("cp1251.txt");
    Files.write(file, ("Заголовок статті про війну\n" ).getBytes(StandardCharsets.UTF_8));
    Files.write(file, "Текст у Windows-1251".getBytes(Charset.forName("windows-1251")), java.nio.file.StandardOpenOption.APPEND);

    ImportOutcome.Failed failure = failed(importer(T1).importFile(file));

    assertEquals(2, failure.line());
    assertTrue(failure.message().contains("UTF-8"), failure.message());
  }

  @Test
  void should_refuse_empty_files() throws IOException {
    assertTrue(failed(importer(T1).importFile(write("empty.txt", ""))).message().contains("empty"));
    assertTrue(failed(importer(T1).importFile(write("blank.md", "\n  \n"))).message().contains("empty"));
    assertTrue(failed(importer(T1).importFile(write("blank.jsonl", "\n\n"))).message().contains("no articles"));
  }

  @Test
  void should_refuse_a_file_over_the_size_limit_before_reading_it() throws IOException {
    Path file = write("huge.txt", "Title of a huge page\n\n" + "word ".repeat(2000));
    ArticleImporter small =
        new ArticleImporter(articles, LanguageDetector.standard(), Clock.fixed(T1, ZoneOffset.UTC), new ImportLimits(1024, 4096));

    ImportOutcome.Failed failure = failed(small.importFile(file));

    assertEquals(0, failure.line());
    assertTrue(failure.message().contains("limit of 1 KB"), failure.message());
    assertEquals(0, articles.count(ArticleStatus.PUBLISHED));
  }

  @Test
  void should_refuse_a_jsonl_line_over_the_article_limit() throws IOException {
    ArticleImporter small =
        new ArticleImporter(articles, LanguageDetector.standard(), Clock.fixed(T1, ZoneOffset.UTC), new ImportLimits(1024, 1 << 20));
    Path file = write("long.jsonl", "{\"id\":\"ok\",\"title\":\"t\",\"body\":\"b\"}\n"
        + "{\"id\":\"long\",\"title\":\"t\",\"body\":\"" + "x".repeat(2000) + "\"}\n");

    ImportOutcome.Failed failure = failed(small.importFile(file));

    assertEquals(2, failure.line());
    assertTrue(articles.find("ok").isEmpty());
  }

  @Test
  void should_report_front_matter_errors_with_their_line() throws IOException {
    ArticleImporter importer = importer(T1);
    record Case(String name, String content, int line, String says) {}
    List<Case> cases = List.of(
        new Case("no-front.md", BODY_EN, 1, "must start with front matter"),
        new Case("unclosed.md", "---\ntitle: T\nlanguage: en\n" + BODY_EN, 4, "is the closing '---' line missing?"),
        new Case("unclosed-end.md", "---\ntitle: T\nlanguage: en\n", 1, "never closed"),
        new Case("typo.md", md("titel: T\nlanguage: en", BODY_EN), 2, "unknown front matter key 'titel'"),
        new Case("no-title.md", md("language: en", BODY_EN), 1, "no title"),
        new Case("twice.md", md("title: T\ntitle: U", BODY_EN), 3, "given twice (first on line 2)"),
        new Case("bad-date.md", md("title: T\npublished: 2023-02-30", BODY_EN), 3, "YYYY-MM-DD"),
        new Case("future.md", md("title: T\npublished: 2999-01-01", BODY_EN), 3, "not plausible"),
        new Case("bad-lang.md", md("title: T\nlanguage: Ukrainian!", BODY_EN), 3, "language must be an ISO 639 code"),
        new Case("no-such-lang.md", md("title: T\nlanguage: xx", BODY_EN), 3, "language must be an ISO 639 code"),
        new Case("country.md", md("title: T\nlanguage: ua", BODY_EN), 3, "Ukrainian is uk"),
        new Case("bad-url.md", md("title: T\nurl: javascript:alert(1)", BODY_EN), 3, "http:// or https://"),
        new Case("bad-tags.md", md("title: T\ntags: a, b", BODY_EN), 3, "tags must be written as [first tag"),
        new Case("no-body.md", md("title: T", ""), 3, "no text"),
        new Case("bad-status.md", md("title: T\nstatus: live", BODY_EN), 3, "status must be one of"));

    for (Case c : cases) {
      ImportOutcome.Failed failure = failed(importer.importFile(write(c.name(), c.content())));
      assertEquals(c.line(), failure.line(), c.name() + ": " + failure.describe());
      assertTrue(failure.message().contains(c.says()), c.name() + ": " + failure.describe());
    }
    assertEquals(0, articles.count(ArticleStatus.PUBLISHED));
  }

  @Test
  void should_accept_tags_as_a_dash_list_and_quoted_values() throws IOException {
    Path file = write("list.md", md("title: \"Quoted: title\"\nlanguage: en\ntags:\n  - one\n  - 'two, three'", BODY_EN));

    assertInstanceOf(ImportOutcome.Imported.class, importer(T1).importFile(file));

    Article a = articles.find("list").orElseThrow();
    assertEquals("Quoted: title", a.title());
    assertEquals(List.of("one", "two, three"), a.tags());
  }

  @Test
  void should_detect_the_language_when_front_matter_omits_it() throws IOException {
    write("uk.md", md("title: Підрив Каховської ГЕС", "Греблю зруйнували вночі 6 червня 2023 року, вода затопила села."));

    importer(T1).importPaths(List.of(kb));

    assertEquals("uk", articles.find("uk").orElseThrow().language());
  }

  @Test
  void should_refuse_duplicate_ids_in_one_jsonl() throws IOException {
    Path file = write("dup.jsonl", "{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\"}\n"
        + "{\"id\":\"y\",\"title\":\"t\",\"body\":\"b\"}\n{\"id\":\"x\",\"title\":\"t2\",\"body\":\"b2\"}\n");

    ImportOutcome.Failed failure = failed(importer(T1).importFile(file));

    assertEquals(3, failure.line());
    assertTrue(failure.message().contains("already used on line 1"), failure.message());
    assertTrue(articles.find("y").isEmpty());
  }

  @Test
  void should_report_jsonl_field_errors_with_their_line() throws IOException {
    ArticleImporter importer = importer(T1);
    record Case(String line, String says) {}
    List<Case> cases = List.of(
        new Case("[1, 2]", "one JSON object"),
        new Case("{\"id\":\"x\",\"title\":\"t\"}", "\"body\" is missing"),
        new Case("{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\",\"text\":\"c\"}", "unknown field 'text'"),
        new Case("{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\",\"tags\":\"a,b\"}", "list of strings"),
        new Case("{\"id\":\"x\",\"title\":7,\"body\":\"b\"}", "must be a string"),
        new Case("{\"id\":\"x\",\"id\":\"y\",\"title\":\"t\",\"body\":\"b\"}", "Duplicate field"),
        new Case("{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\\u0000\"}", "control character"),
        new Case("{\"id\":\"x\",\"title\":\"Dam \\ud800\",\"body\":\"b\"}", "half of a UTF-16 surrogate pair"),
        new Case("{\"id\":\"x\",\"title\":\"t\",\"body\":\"\\udc00b\"}", "half of a UTF-16 surrogate pair"),
        new Case("{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\",\"published\":\"06/06/2023\"}", "YYYY-MM-DD"));
    for (Case c : cases) {
      Path file = write("case.jsonl", "{\"id\":\"fine\",\"title\":\"t\",\"body\":\"b\"}\n" + c.line() + "\n");
      ImportOutcome.Failed failure = failed(importer.importFile(file));
      assertEquals(2, failure.line(), failure.describe());
      assertTrue(failure.message().contains(c.says()), c.line() + " -> " + failure.describe());
    }
    assertTrue(articles.find("fine").isEmpty());
  }

  @Test
  void should_keep_a_character_written_as_both_halves_of_its_escape() throws IOException {
    assertInstanceOf(ImportOutcome.Imported.class,
        importer(T1).importFile(write("pair.jsonl", "{\"id\":\"pair\",\"title\":\"Grin \\ud83d\\ude00\",\"body\":\"b\"}\n")));
    assertEquals("Grin \ud83d\ude00", articles.find("pair").orElseThrow().title());
  }

  @Test
  void should_refuse_ids_that_look_like_paths_or_are_not_plain_names() throws IOException {
    ImportOutcome.Failed traversal = failed(importer(T1).importFile(
        write("evil.jsonl", "{\"id\":\"../../etc/passwd\",\"title\":\"t\",\"body\":\"b\"}\n")));
    assertTrue(traversal.message().contains("looks like a path"), traversal.message());

    ImportOutcome.Failed spaces = failed(importer(T1).importFile(write("My Article (2023).md", md(FRONT, BODY_EN))));
    assertTrue(spaces.message().contains("rename the file, e.g. to my-article-2023.md"), spaces.message());

    ImportException viaText = assertThrows(ImportException.class,
        () -> importer(T1).importText("Some title here\n\n" + BODY_EN, "../x", SourceFormat.TXT));
    assertTrue(viaText.getMessage().contains("looks like a path"), viaText.getMessage());
    assertEquals(0, articles.count(ArticleStatus.PUBLISHED));
  }

  @Test
  void should_fail_the_later_file_when_two_files_of_one_run_share_an_id() throws IOException {
    write("same.md", md(FRONT, BODY_EN));
    write("same.txt", "A different article with the same name\n\n" + BODY_EN);

    List<ImportOutcome> outcomes = importer(T1).importPaths(List.of(kb));

    assertInstanceOf(ImportOutcome.Imported.class, outcomes.get(0));
    assertTrue(failed(outcomes.get(1)).message().contains("already imported from"), outcomes.get(1).describe());
    assertEquals("Kakhovka dam destroyed", articles.find("same").orElseThrow().title());
  }

  @Test
  void should_skip_unknown_extensions_with_a_note_and_hidden_files_silently() throws IOException {
    write("notes.docx", "not an article");
    write(".DS_Store", "junk");
    write(".git/config", "junk");
    write("ok.md", md(FRONT, BODY_EN));

    List<ImportOutcome> outcomes = importer(T1).importPaths(List.of(kb));

    assertEquals(2, outcomes.size(), outcomes.toString());
    assertTrue(outcomes.get(0).describe().endsWith("notes.docx: skipped, not an article file (use .txt, .md, .jsonl or ClaimReview .jsonld)"));
    assertInstanceOf(ImportOutcome.Imported.class, outcomes.get(1));
  }

  @Test
  void should_report_a_missing_path_and_continue() throws IOException {
    write("ok.md", md(FRONT, BODY_EN));

    List<ImportOutcome> outcomes = importer(T1).importPaths(List.of(kb.resolve("nope"), kb));

    assertEquals("no such file or folder", failed(outcomes.get(0)).message());
    assertInstanceOf(ImportOutcome.Imported.class, outcomes.get(1));
  }

  @Test
  void should_refuse_control_characters_with_their_line() throws IOException {
    ImportOutcome.Failed failure = failed(importer(T1).importFile(write("bell.txt", "A title for this page\n\nText\u0007 with a bell.")));

    assertEquals(3, failure.line());
    assertTrue(failure.message().contains("U+0007"), failure.message());
  }

  @Test
  void should_parse_text_for_a_telegram_add_without_storing_it() {
    List<Article> parsed = importer(T1).parse("Share\nA headline sent to the bot by a curator\n\n" + BODY_EN, "tg-42", SourceFormat.TXT);

    assertEquals(1, parsed.size());
    assertEquals("tg-42", parsed.get(0).id());
    assertEquals("A headline sent to the bot by a curator", parsed.get(0).title());
    assertEquals(BODY_EN, parsed.get(0).text());
    assertFalse(articles.find("tg-42").isPresent());
  }
}
