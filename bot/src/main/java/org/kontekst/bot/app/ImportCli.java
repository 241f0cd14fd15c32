package org.kontekst.bot.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kontekst.bot.backup.Backup;
import org.kontekst.bot.backup.BackupException;
import org.kontekst.knowledge.ingest.ArticleImporter;
import org.kontekst.knowledge.ingest.ImportOutcome;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.StoreConfig;
import org.kontekst.knowledge.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kontekst import PATH...}: imports article files and folders into the knowledge base, one
 * transaction per file, and prints one line per file and a summary. The search index notices the
 * new KB revision and rebuilds itself; nothing to do here for it.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports articles into the knowledge base: .txt (a pasted page), .md (front matter and body),"
          + " .jsonl (one article per line). Folders are read recursively.",
      "A backup written by 'kontekst export' is restored whole into an empty data directory.",
      "Exit code: 0 when every file was imported, 1 when some file failed, 2 for a usage error."
    })
final class ImportCli implements Callable<Integer> {
  static final int OK = 0;
  static final int SOME_FAILED = 1;
  static final int USAGE = 2;

  @Mixin private DataOption data;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or folders.")
  private List<Path> paths;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // A mistyped path is a usage error: better to import nothing than half of what was meant.
    List<Path> missing = paths.stream().filter(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS)).toList();
    if (!missing.isEmpty()) {
      missing.forEach(p -> err.println("kontekst import: no such file or folder: " + p));
      err.println("Give existing files or folders; nothing was imported.");
      return USAGE;
    }
    List<Path> backups = paths.stream().filter(Backup::isBackup).toList();
    if (!backups.isEmpty()) {
      if (paths.size() > 1) {
        err.println("kontekst import: a backup (" + backups.get(0) + ") is restored on its own; give it alone.");
        return USAGE;
      }
      return restore(backups.get(0), out, err);
    }
    int articles = 0;
    int files = 0;
    int failed = 0;
    int skipped = 0;
    StoreConfig where = data.store();
    try (KnowledgeStore store = KnowledgeStore.open(where)) {
      // "ok" is printed when a file's transaction commits; it must then be on disk, not only in
      // H2's write-behind buffer, or a crash right after it loses the file.
      store.syncEachCommit();
      ArticleImporter importer = new ArticleImporter(store.articles(), LanguageDetector.standard());
      List<ImportOutcome> outcomes = importer.importPaths(paths, outcome -> out.println(line(outcome)));
      for (ImportOutcome outcome : outcomes) {
        if (outcome instanceof ImportOutcome.Imported imported) {
          articles += imported.ids().size();
          files++;
        } else if (outcome instanceof ImportOutcome.Failed) {
          failed++;
          files++;
        } else {
          skipped++;
        }
      }
    } catch (StoreException e) {
      err.println("kontekst import: " + e.getMessage());
      err.println(where.shared()
          ? "Check that the database is reachable and that the user may write it."
          : "Check that " + where.dataDir() + " is writable and that no running bot holds the database.");
      return SOME_FAILED;
    }
    out.printf(
        "imported %d article%s from %d file%s, %d failed%s%n",
        articles, articles == 1 ? "" : "s", files, files == 1 ? "" : "s", failed,
        skipped == 0 ? "" : ", " + skipped + " skipped");
    out.flush();
    return failed == 0 ? OK : SOME_FAILED;
  }

  /** Restores a backup written by {@code kontekst export} into an empty data directory. */
  private int restore(Path backup, PrintWriter out, PrintWriter err) {
    try (KnowledgeStore store = KnowledgeStore.open(data.store());
        BufferedReader in = Files.newBufferedReader(backup, StandardCharsets.UTF_8)) {
      store.syncEachCommit();
      Map<String, Integer> counts = new Backup(store.dataSource()).restore(in);
      out.println("restored " + ExportCli.describe(counts) + " from " + backup);
      out.flush();
      return OK;
    } catch (BackupException e) {
      err.println("kontekst import: " + backup + ": " + e.getMessage());
      return SOME_FAILED;
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("kontekst import: cannot read " + backup + ": " + e.getMessage());
      return SOME_FAILED;
    } catch (StoreException e) {
      err.println("kontekst import: " + e.getMessage());
      return SOME_FAILED;
    }
  }

  private static String line(ImportOutcome outcome) {
    if (outcome instanceof ImportOutcome.Imported) {
      return "ok       " + outcome.describe();
    }
    if (outcome instanceof ImportOutcome.Failed) {
      return "FAILED   " + outcome.describe();
    }
    return "skipped  " + outcome.describe();
  }
}
