package org.kontekst.bot.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kontekst.bot.backup.Backup;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.ingest.ArticleExport;
import org.kontekst.knowledge.store.KnowledgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kontekst export FILE}: writes the curated state of the data directory (articles, curated
 * lexicon, roles, audit trail) to one JSON Lines backup file; {@code kontekst import FILE} into an
 * empty data directory restores it. The file appears whole or not at all.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a backup of the knowledge base and its curation (articles, curated lexicon, roles, audit) to FILE,"
          + " one JSON record per line (see docs/backup.md).",
      "Restore it with: kontekst import --data EMPTY_DIR FILE"
    })
final class ExportCli implements Callable<Integer> {
  @Mixin private DataOption data;

  @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to write (replaced if it exists).")
  private Path file;

  /** What to write. */
  enum Format {
    /** Everything curated, to restore into an empty data directory (docs/backup.md). */
    BACKUP,
    /** Articles as JSON Lines, the importer's .jsonl format (every status). */
    JSONL,
    /** Published articles as schema.org ClaimReview JSON-LD, for fact-checking tools. */
    CLAIMREVIEW
  }

  @Option(
      names = "--format",
      defaultValue = "backup",
      description = "backup (default), jsonl or claimreview.")
  private Format format;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path target = file.toAbsolutePath().normalize();
    refuseUnsafe(target, data.dataDir().toAbsolutePath().normalize());
    Path dir = target.getParent();
    Path partial;
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      partial = Files.createTempFile(dir, ".kontekst-export", ".part");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot write in " + dir + " (" + Main.reasons(e) + "): choose a folder you can write to", e);
    }
    try (KnowledgeStore store = KnowledgeStore.open(data.store())) {
      Map<String, Integer> counts;
      try (BufferedWriter writer = utf8(partial)) {
        counts = switch (format) {
          case BACKUP -> new Backup(store.dataSource()).export(writer);
          case JSONL -> {
            List<Article> all = store.articles().all();
            ArticleExport.jsonl(all, writer);
            yield Map.of("article", all.size());
          }
          case CLAIMREVIEW -> {
            List<Article> published = store.articles().published();
            ArticleExport.claimReviews(published, writer);
            yield Map.of("claim review", published.size());
          }
        };
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      out.println("exported " + describe(counts) + " to " + file);
      out.flush();
      return 0;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Refuses a target that an export must not replace: anything in the data directory (the live
   * database among it), and anything that exists but is not a regular file (a folder, a symbolic
   * link, a pipe, a device), which the atomic rename would swap out.
   */
  static void refuseUnsafe(Path target, Path dataDir) {
    if (target.startsWith(dataDir)) {
      throw new IllegalArgumentException(
          target + " is inside the data directory " + dataDir + ": write the export somewhere else");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(
          target + " exists and is not a regular file (a folder, link, pipe or device): name a new file, or a file to replace");
    }
  }

  /**
   * UTF-8 that writes U+FFFD for half a surrogate pair instead of failing: the importer refuses
   * them now, but a database may hold one from before, and it must not make every backup fail.
   */
  private static BufferedWriter utf8(Path path) throws IOException {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith("\uFFFD".getBytes(StandardCharsets.UTF_8));
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), encoder));
  }

  static String describe(Map<String, Integer> counts) {
    StringBuilder s = new StringBuilder();
    counts.forEach((type, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(type).append(n == 1 ? "" : "s"));
    return s.toString();
  }
}
