package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.store.KnowledgeStore;
import picocli.CommandLine;

/** {@code kontekst export} writes where it is told, and never over what it must not replace. */
class ExportCliTest {
  @TempDir Path tmp;
  private Path data;
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void kb() {
    data = tmp.resolve("data");
    Instant now = Instant.now();
    try (KnowledgeStore store = KnowledgeStore.open(data)) {
      store.articles().upsertAll(List.of(
          new Article("dam", "Kakhovka dam", "Outlet", "https://example.org/dam", LocalDate.of(2023, 6, 6), "en",
              "The dam was destroyed.", "The dam was destroyed.", List.of(), ArticleStatus.PUBLISHED, now, now),
          // Half a surrogate pair, as an older importer let through from a JSON escape.
          new Article("half", "Half \ud800 pair", "Outlet", "https://example.org/half", null, "en",
              "Body.", "Body.", List.of(), ArticleStatus.PUBLISHED, now, now)));
    }
  }

  private int export(String... rest) {
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err, true));
    String[] args = new String[rest.length + 3];
    args[0] = "export";
    args[1] = "--data";
    args[2] = data.toString();
    System.arraycopy(rest, 0, args, 3, rest.length);
    return cli.execute(args);
  }

  @Test
  void should_refuse_to_write_over_the_database_and_leave_it_whole() throws Exception {
    Path database = data.resolve("kontekst.mv.db");
    byte[] before = Files.readAllBytes(database);

    assertEquals(2, export(database.toString()));
    assertTrue(err.toString().contains("inside the data directory"), err.toString());
    assertEquals(2, export("--format", "jsonl", data.resolve("articles.jsonl").toString()));
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(database)), "the database is untouched");
    try (KnowledgeStore store = KnowledgeStore.open(data)) {
      assertEquals(2, store.articles().all().size());
    }
  }

  @Test
  void should_refuse_a_target_that_is_not_a_regular_file() throws Exception {
    Path folder = Files.createDirectory(tmp.resolve("folder"));
    Path kept = Files.writeString(tmp.resolve("kept.txt"), "keep me");
    Path link = Files.createSymbolicLink(tmp.resolve("link.jsonl"), kept);

    assertEquals(2, export(folder.toString()));
    assertEquals(2, export(link.toString()));
    assertTrue(err.toString().contains("not a regular file"), err.toString());
    assertTrue(Files.isDirectory(folder) && Files.isSymbolicLink(link));
    assertEquals("keep me", Files.readString(kept));
  }

  @Test
  void should_export_text_with_half_a_surrogate_pair_as_a_replacement_character() throws Exception {
    Path out = tmp.resolve("out").resolve("articles.jsonl");

    assertEquals(0, export("--format", "jsonl", out.toString()), err.toString());
    String written = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(written.contains("Half \uFFFD pair"), written);
    assertTrue(written.contains("Kakhovka dam"), written);
  }

  @Test
  void should_say_so_when_the_folder_cannot_be_written() throws Exception {
    Path blocker = Files.writeString(tmp.resolve("blocker"), "a file where a folder should be");

    assertEquals(2, export(blocker.resolve("backup.jsonl").toString()));
    assertTrue(err.toString().contains("cannot write in"), err.toString());
  }
}
