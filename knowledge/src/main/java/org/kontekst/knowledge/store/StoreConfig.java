package org.kontekst.knowledge.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the knowledge base lives: the embedded H2 database in the data directory (no URL), or the
 * database a JDBC URL names, typically one PostgreSQL database that several instances share. The
 * data directory holds the instance's own derived files (the search index) either way.
 *
 * @param dataDir the instance's data directory
 * @param url a {@code jdbc:postgresql:} (or {@code jdbc:h2:}) URL, or null for the embedded database
 * @param user the database user, or null (the URL or the driver's default decides)
 * @param password the database password, or null; never printed
 */
public record StoreConfig(Path dataDir, String url, String user, String password) {
  static final String POSTGRESQL = "jdbc:postgresql:";
  static final String H2 = "jdbc:h2:";

  public StoreConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    url = blankToNull(url);
    user = blankToNull(user);
    password = password == null || password.isEmpty() ? null : password;
    if (url != null && !url.startsWith(POSTGRESQL) && !url.startsWith(H2)) {
      throw new IllegalArgumentException(
          "the database URL must start with " + POSTGRESQL + " (e.g. jdbc:postgresql://db.example:5432/kontekst), not: "
              + redact(url));
    }
    if (url == null && (user != null || password != null)) {
      throw new IllegalArgumentException(
          "a database user or password is set but no database URL: set KONTEKST_DB_URL (or --db-url) too, or unset them");
    }
  }

  /** The embedded H2 database in {@code dataDir}. */
  public static StoreConfig embedded(Path dataDir) {
    return new StoreConfig(dataDir, null, null, null);
  }

  /** Whether other processes may write the same database (anything but the embedded file). */
  public boolean shared() {
    return url != null && url.startsWith(POSTGRESQL);
  }

  /**
   * A URL fit for messages and logs: without its query string, where a password may be given
   * ({@code ?password=...}).
   */
  public static String redact(String url) {
    if (url == null) {
      return "";
    }
    int query = url.indexOf('?');
    String shown = query < 0 ? url : url.substring(0, query) + "?…";
    return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "StoreConfig[dataDir=" + dataDir + ", url=" + (url == null ? "embedded" : redact(url))
        + ", user=" + user + ", password=" + (password == null ? "unset" : "set") + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
