package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCliTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine(java.util.Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path kb() throws IOException {
    Path kb = Files.createDirectories(tmp.resolve("kb"));
    Files.writeString(kb.resolve("one.md"), "---\ntitle: One\nlanguage: en\n---\nThe first article, with a body.\n");
    Files.writeString(kb.resolve("two.txt"), "The second article as pasted\n\nIts body, long enough to be text.\n\nShare\n");
    return kb;
  }

  @Test
  void should_print_a_line_per_file_and_the_summary_and_exit_0() throws IOException {
    int code = run("import", "--data", tmp.resolve("data").toString(), kb().toString());

    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("ok       " + tmp.resolve("kb/one.md") + ": one"), out.toString());
    assertTrue(out.toString().endsWith("imported 2 articles from 2 files, 0 failed" + System.lineSeparator()), out.toString());
  }

  @Test
  void should_exit_1_and_name_path_and_line_when_a_file_fails() throws IOException {
    Path kb = kb();
    Files.writeString(kb.resolve("bad.md"), "---\ntitle: Bad\npublished: yesterday\n---\nBody.\n");

    int code = run("import", "--data", tmp.resolve("data").toString(), kb.toString());

    assertEquals(1, code);
    assertTrue(out.toString().contains("FAILED   " + kb.resolve("bad.md") + ":3: published must be a date"), out.toString());
    assertTrue(out.toString().contains("imported 2 articles from 3 files, 1 failed"), out.toString());
  }

  @Test
  void should_exit_2_without_importing_when_a_path_does_not_exist() throws IOException {
    int code = run("import", "--data", tmp.resolve("data").toString(), kb().toString(), tmp.resolve("typo").toString());

    assertEquals(2, code);
    assertTrue(err.toString().contains("no such file or folder: " + tmp.resolve("typo")), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void should_exit_2_when_no_path_is_given() {
    assertEquals(2, run("import"));
  }
}
