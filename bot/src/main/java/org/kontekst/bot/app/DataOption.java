package org.kontekst.bot.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option every subcommand shares; falls back to {@code KONTEKST_DATA}. */
final class DataOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (database and indexes). Default: $KONTEKST_DATA or ./data.")
  private Path data;

  /** Whether --data or KONTEKST_DATA was given. */
  boolean isSet() {
    String env = System.getenv("KONTEKST_DATA");
    return data != null || (env != null && !env.isBlank());
  }

  Path dataDir() {
    if (data != null) {
      return data;
    }
    String env = System.getenv("KONTEKST_DATA");
    return Path.of(env == null || env.isBlank() ? "data" : env);
  }
}
