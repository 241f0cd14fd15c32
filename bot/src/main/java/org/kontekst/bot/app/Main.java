package org.kontekst.bot.app;

import java.util.Map;
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
      BotCli.class,
      ChatCli.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code, for tests. */
  public static int run(String... args) {
    return run(System.getenv(), args);
  }

  /** Runs the command line with the given environment variables, read here once. */
  static int run(Map<String, String> env, String... args) {
    return commandLine(env).execute(args);
  }

  /** The command line with its subcommands, built for the given environment variables. */
  static CommandLine commandLine(Map<String, String> env) {
    Environment environment = Environment.from(env);
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            if (type == BotCli.class) {
              return type.cast(new BotCli(environment));
            }
            return defaults.create(type);
          }
        };
    CommandLine cli = new CommandLine(new Main(), factory);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}
