package org.kontekst.bot.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The composition root and command line of Kontekst. Each subcommand builds what it needs with
 * {@code new} and closes it before it returns.
 */
@Command(
    name = "kontekst",
    mixinStandardHelpOptions = true,
    version = "kontekst 0.1.0",
    description = "Checks forwarded posts against a curated knowledge base and flags loaded wording.",
    subcommands = {
      CheckCli.class,
      ImportCli.class,
      EvalCli.class,
      BenchCli.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code, for tests. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }
}
