package org.kontekst.bot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.kontekst.knowledge.store.StoreException;
import org.slf4j.LoggerFactory;
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
      ExportCli.class,
      EvalCli.class,
      BenchCli.class,
      BotCli.class,
      ChatCli.class,
      SourcesCli.class,
      PurgeCli.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    Environment environment = Environment.from(env);
    Preload.startFor(args, environment.embedding());
    int code = commandLine(environment).execute(args);
    Preload.settle(Duration.ofSeconds(30));
    System.exit(code);
  }

  /** Runs the command line and returns the exit code, for tests. */
  public static int run(String... args) {
    return run(System.getenv(), args);
  }

  /** Runs the command line with the given environment variables, read here once. */
  static int run(Map<String, String> env, String... args) {
    return commandLine(env).execute(args);
  }

  /**
   * The outer edge of every command: a failure is told in one line that says what is wrong, never
   * as a stack trace. Bad configuration or input exits 2. A database or file that cannot be used
   * (unreachable, unwritable, locked) exits 1 with the reasons of its causes, and its stack trace
   * at debug level only; anything else, a bug, exits 1 logged in full.
   */
  private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    String name = command.getCommandName();
    if (e instanceof IllegalArgumentException) {
      command.getErr().println("kontekst " + name + ": " + e.getMessage());
      return 2;
    }
    if (environmental(e)) {
      LoggerFactory.getLogger(Main.class).debug("{} failed", name, e);
      command.getErr().println("kontekst " + name + ": " + reasons(e));
      command.getErr().println("(" + LogSetup.LEVEL_VARIABLE + "=debug shows where it failed)");
      return 1;
    }
    LoggerFactory.getLogger(Main.class).error("{} failed", name, e);
    command.getErr().println("kontekst " + name + ": " + e);
    return 1;
  }

  /**
   * Whether {@code e} or one of its causes is the store's or input and output's: a database, file
   * or server that cannot be used, which the person can mend, not a bug.
   */
  static boolean environmental(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 10; t = t.getCause(), depth++) {
      if (t instanceof StoreException || t instanceof IOException || t instanceof UncheckedIOException) return true;
    }
    return false;
  }

  /** The messages of {@code e} and its causes, each once: "cannot open X: permission denied: Y". */
  static String reasons(Throwable e) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (Throwable t = e; t != null && depth < 6; t = t.getCause(), depth++) {
      String message = t.getMessage();
      if (t.getCause() != null && t.getCause().toString().equals(message)) {
        continue; // a wrapper that says only what it wraps
      }
      if (t instanceof java.nio.file.AccessDeniedException) {
        message = "permission denied: " + message;
      } else if (t instanceof java.nio.file.NoSuchFileException) {
        message = "no such file: " + message;
      } else if (message == null || message.isBlank()) {
        message = t.getClass().getSimpleName();
      }
      if (out.indexOf(message) >= 0) continue;
      if (out.length() > 0) out.append(": ");
      out.append(message);
    }
    return out.toString();
  }

  /** The command line with its subcommands, built for the given environment variables. */
  static CommandLine commandLine(Map<String, String> env) {
    return commandLine(Environment.from(env));
  }

  private static CommandLine commandLine(Environment environment) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            // Subcommands that need configuration take the Environment in their constructor.
            try {
              var constructor = type.getDeclaredConstructor(Environment.class);
              return type.cast(constructor.newInstance(environment));
            } catch (NoSuchMethodException e) {
              return defaults.create(type);
            }
          }
        };
    CommandLine cli = new CommandLine(new Main(), factory);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(Main::failed);
    return cli;
  }
}
