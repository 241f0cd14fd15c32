package org.kontekst.bot.app;

import java.nio.file.Path;
import java.util.Map;
import org.kontekst.knowledge.store.StoreConfig;
import picocli.CommandLine.Option;

/**
 * Where the data lives, shared by every subcommand: {@code --data DIR} (or {@code KONTEKST_DATA}),
 * and optionally a PostgreSQL database that several instances share, {@code --db-url} and {@code
 * --db-user} (or {@code KONTEKST_DB_URL}, {@code KONTEKST_DB_USER}). The password comes from {@code
 * KONTEKST_DB_PASSWORD} only: a command-line flag would show it to everyone who can list processes.
 */
final class DataOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (database and indexes). Default: $KONTEKST_DATA or ./data.")
  private Path data;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description =
          "A PostgreSQL database shared by several instances, e.g. jdbc:postgresql://db:5432/kontekst; the data"
              + " directory then holds this instance's search index only. Default: $KONTEKST_DB_URL, else the"
              + " embedded database in the data directory. Password: $KONTEKST_DB_PASSWORD.")
  private String dbUrl;

  @Option(names = "--db-user", paramLabel = "USER", description = "The database user. Default: $KONTEKST_DB_USER.")
  private String dbUser;

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

  /**
   * The database and data directory to open.
   *
   * @throws IllegalArgumentException when the database settings make no sense, saying which
   */
  StoreConfig store() {
    return store(dataDir(), System.getenv());
  }

  /** The store with the environment given, flags first. */
  StoreConfig store(Path dataDir, Map<String, String> env) {
    String url = dbUrl != null ? dbUrl : env.get("KONTEKST_DB_URL");
    String user = dbUser != null ? dbUser : env.get("KONTEKST_DB_USER");
    return new StoreConfig(dataDir, url, user, env.get("KONTEKST_DB_PASSWORD"));
  }
}
