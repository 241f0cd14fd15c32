package org.kontekst.bot.app;

import java.nio.file.Files;
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

  /**
   * The data directory.
   *
   * @throws IllegalArgumentException when {@code --data} is empty or names something that is not a
   *     folder
   */
  Path dataDir() {
    Path dir;
    if (data != null) {
      // picocli turns "--data=" into the empty path, which is the current directory.
      if (data.toString().isBlank()) {
        throw new IllegalArgumentException("--data is empty: name a folder, e.g. --data data");
      }
      dir = data;
    } else {
      String env = System.getenv("KONTEKST_DATA");
      dir = Path.of(env == null || env.isBlank() ? "data" : env);
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          dir + " is a file, not a folder: point --data (or KONTEKST_DATA) at a folder, new or existing");
    }
    return dir;
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
    // StoreConfig takes H2 URLs too, for tests; from outside only PostgreSQL makes sense (an H2
    // in-memory URL would lose every import, and H2's INIT option runs SQL at connect time).
    if (url != null && !url.isBlank() && !url.strip().startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "the database URL must start with jdbc:postgresql: (e.g. jdbc:postgresql://db.example:5432/kontekst), not: "
              + StoreConfig.redact(url.strip())
              + "; leave KONTEKST_DB_URL and --db-url unset for the embedded database in the data directory");
    }
    return new StoreConfig(dataDir, url, user, env.get("KONTEKST_DB_PASSWORD"));
  }
}
