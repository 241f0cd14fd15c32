package org.kontekst.bot.app;

import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.kontekst.bot.curation.ListedSource;
import org.kontekst.bot.curation.SourceRegistry;
import org.kontekst.knowledge.store.KnowledgeStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kontekst sources}: the source registry from the command line: a seed import of channels
 * from CSV, and add, remove and list. Labels state a fact; notes say where it comes from.
 */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = "The source registry: channels and domains with a label and where it comes from.",
    subcommands = {
      SourcesCli.Import.class,
      SourcesCli.Add.class,
      SourcesCli.Remove.class,
      SourcesCli.ListSources.class
    })
final class SourcesCli implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Who wrote the entries, for the record. */
  private static final String CLI = "cli";

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Imports channels from a CSV with a header (name,handle,link,...; handle or link required),"
            + " all with one label and note, in one transaction. Existing entries get the new label.",
        "Example: kontekst sources import channels.csv --label \"listed by Ukraine's Centre for"
            + " Countering Disinformation\" --note \"CCD list, March 2024\""
      })
  static final class Import implements Callable<Integer> {
    @Mixin private DataOption data;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv")
    private Path file;

    @Option(names = "--label", required = true, description = "The fact, e.g. \"state-controlled media\".")
    private String label;

    @Option(names = "--note", defaultValue = "", description = "Where the label comes from.")
    private String note;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            (Files.isDirectory(file) ? file + " is a folder: name the CSV file in it" : "no such file: " + file));
      }
      PrintWriter out = spec.commandLine().getOut();
      try (KnowledgeStore store = KnowledgeStore.open(data.store());
          Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        SourceRegistry.Imported result =
            new SourceRegistry(store.dataSource(), Clock.systemUTC()).importChannels(in, label, note, CLI);
        out.println("imported " + result.stored() + " channels, skipped " + result.skipped());
        result.problems().forEach(p -> out.println("  " + p));
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new IllegalArgumentException(
            file + " is not UTF-8 text: save it as UTF-8 (in a spreadsheet, \"CSV UTF-8\") and import it again", e);
      }
      return 0;
    }
  }

  /** --channel NAME or --domain NAME. */
  static final class Target {
    @Option(names = "--channel", required = true, description = "A channel's @username.")
    String channel;

    @Option(names = "--domain", required = true, description = "A web domain; subdomains are included.")
    String domain;

    ListedSource.Kind kind() {
      return channel != null ? ListedSource.Kind.CHANNEL : ListedSource.Kind.DOMAIN;
    }

    String handle() {
      return channel != null ? channel : domain;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds (or relabels) a channel or a domain.")
  static final class Add implements Callable<Integer> {
    @Mixin private DataOption data;
    @Spec private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Target target;

    @Option(names = "--label", required = true, description = "The fact, e.g. \"state-controlled media\".")
    private String label;

    @Option(names = "--note", defaultValue = "", description = "Where the label comes from.")
    private String note;

    @Override
    public Integer call() {
      ListedSource source = new ListedSource(target.kind(), target.handle(), "", label, note);
      try (KnowledgeStore store = KnowledgeStore.open(data.store())) {
        new SourceRegistry(store.dataSource(), Clock.systemUTC()).put(source, CLI);
      }
      spec.commandLine().getOut().println("listed " + source.handle() + ": " + source.label());
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a channel or a domain.")
  static final class Remove implements Callable<Integer> {
    @Mixin private DataOption data;
    @Spec private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Target target;

    @Override
    public Integer call() {
      try (KnowledgeStore store = KnowledgeStore.open(data.store())) {
        boolean removed = new SourceRegistry(store.dataSource(), Clock.systemUTC()).remove(target.kind(), target.handle());
        spec.commandLine().getOut().println(removed ? "removed" : "not listed");
        return removed ? 0 : 1;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the registry as tab-separated lines.")
  static final class ListSources implements Callable<Integer> {
    @Mixin private DataOption data;
    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (KnowledgeStore store = KnowledgeStore.open(data.store())) {
        for (ListedSource s : new SourceRegistry(store.dataSource(), Clock.systemUTC()).list(Integer.MAX_VALUE)) {
          out.println(s.kind().name().toLowerCase(java.util.Locale.ROOT) + "\t" + s.handle() + "\t" + s.label() + "\t" + s.note());
        }
      }
      return 0;
    }
  }
}
