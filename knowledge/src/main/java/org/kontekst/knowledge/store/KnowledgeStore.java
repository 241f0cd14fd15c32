package org.kontekst.knowledge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The knowledge base's database, migrated by Flyway on open: the embedded H2 file in a data
 * directory (the default), or a PostgreSQL database that several instances share. Owns its
 * connection pool; close it to release the database.
 *
 * <p>Both databases get one migration history. Versions up to 11 exist twice, as written for H2
 * ({@code db/migration}, never changed, since existing databases check their checksums) and for
 * PostgreSQL ({@code db/postgresql}); from version 12 on, migrations are portable SQL in {@code
 * db/common}, shared by both.
 */
public final class KnowledgeStore implements AutoCloseable {
  /**
   * Connections at most, as the H2 pool always had: enough for the bot's update workers, the
   * sender and the sync poller; several instances on one PostgreSQL server stay well under its
   * default of 100 connections.
   */
  static final int MAX_CONNECTIONS = 16;

  private final DataSource dataSource;
  private final AutoCloseable pool;
  private final boolean shared;

  private KnowledgeStore(DataSource dataSource, AutoCloseable pool, boolean shared) {
    this.dataSource = dataSource;
    this.pool = pool;
    this.shared = shared;
  }

  /** Opens (creating if needed) the database {@code kontekst} in {@code dataDir} and migrates it. */
  public static KnowledgeStore open(Path dataDir) {
    return open(StoreConfig.embedded(dataDir));
  }

  /** Opens the database the configuration names and migrates it. */
  public static KnowledgeStore open(StoreConfig config) {
    Objects.requireNonNull(config, "config");
    if (config.url() != null) {
      return open(config.url(), config.user(), config.password());
    }
    Path dataDir = config.dataDir();
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
    }
    // async: the file system H2 reaches through an AsynchronousFileChannel, which a thread
    // interrupted while it writes does not close: with "file:" one interrupted commit (a worker
    // stopped with shutdownNow) closes the database for every thread.
    String url = "jdbc:h2:async:" + dataDir.toAbsolutePath().resolve("kontekst") + ";AUTO_SERVER=FALSE";
    return open(url);
  }

  /** Opens any H2 URL, e.g. {@code jdbc:h2:mem:test;DB_CLOSE_DELAY=-1} in tests. */
  public static KnowledgeStore open(String jdbcUrl) {
    return open(jdbcUrl, null, null);
  }

  /**
   * Opens an H2 or PostgreSQL URL with the given user and password (null: H2's {@code sa} with no
   * password; for PostgreSQL, what the URL or the driver's defaults say).
   */
  public static KnowledgeStore open(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (jdbcUrl.startsWith(StoreConfig.POSTGRESQL)) {
      return openPostgresql(jdbcUrl, user, password);
    }
    if (!jdbcUrl.startsWith(StoreConfig.H2)) {
      throw new IllegalArgumentException(
          "the database URL must start with " + StoreConfig.POSTGRESQL + " or " + StoreConfig.H2 + ": "
              + StoreConfig.redact(jdbcUrl));
    }
    JdbcDataSource source = new JdbcDataSource();
    source.setURL(jdbcUrl);
    source.setUser(user == null ? "sa" : user);
    source.setPassword(password == null ? "" : password);
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    // H2's pool opens at most this many connections; a caller beyond them waits up to 30 s.
    pool.setMaxConnections(MAX_CONNECTIONS);
    migrate(pool, "classpath:db/migration", jdbcUrl, pool::dispose);
    return new KnowledgeStore(pool, pool::dispose, false);
  }

  /**
   * PostgreSQL through HikariCP: the driver has no pool of its own (its PGPoolingDataSource is
   * deprecated), and every repository takes a connection per operation, so a pool saves a TCP and
   * authentication round trip on each. Hikari is small, widely used and maintained; it resets
   * auto-commit and isolation when a connection comes back, and tests it before handing it out
   * after the server or network dropped it. Same bound as H2's pool: at most {@link
   * #MAX_CONNECTIONS}, and a caller waits up to 30 s for one; only two stay open when idle, so
   * idle instances hold few server connections.
   */
  private static KnowledgeStore openPostgresql(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setPoolName("kontekst-db");
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to the database at " + StoreConfig.redact(jdbcUrl) + ": " + rootMessage(e), e);
    }
    migrate(pool, "classpath:db/postgresql", jdbcUrl, pool::close);
    return new KnowledgeStore(pool, pool::close, true);
  }

  /**
   * The highest migration version under {@code db/}; {@code KnowledgeStoreTest} holds it to the
   * files. Raise it with every new migration.
   */
  static final int SCHEMA_VERSION = 15;

  private static void migrate(DataSource pool, String vendorLocation, String jdbcUrl, Runnable dispose) {
    if (upToDate(pool)) {
      return;
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations(vendorLocation, "classpath:db/common")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dispose.run();
      throw new StoreException(
          "cannot open the knowledge base at " + StoreConfig.redact(jdbcUrl) + ": " + rootMessage(e), e);
    }
  }

  /**
   * Whether Flyway's history already records every migration this build has, all successful. Then
   * Flyway is not started at all: loading and scanning it is the largest part of opening an
   * existing knowledge base (about a second of the three a cold check may take). Anything else (a
   * new database, a missing, failed or newer migration, no history table) goes to Flyway.
   */
  private static boolean upToDate(DataSource pool) {
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
      int highest = -1;
      while (rs.next()) {
        if (!rs.getBoolean(2)) return false;
        String version = rs.getString(1);
        if (version != null) highest = Math.max(highest, Integer.parseInt(version));
      }
      return highest == SCHEMA_VERSION;
    } catch (SQLException | NumberFormatException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Whether other instances may write this database (PostgreSQL), so that what this one holds in
   * memory must follow the database's revisions.
   */
  public boolean shared() {
    return shared;
  }

  /**
   * Makes every commit reach the database file before it returns, for as long as the database is
   * open. H2 otherwise writes commits in the background within half a second, so a killed process
   * loses the last ones; what promises durability to others (the webhook answering Telegram 200)
   * needs this. It costs about a millisecond per commit. Databases that sync on commit by
   * themselves (PostgreSQL) need nothing.
   */
  public void syncEachCommit() {
    try (Connection c = dataSource.getConnection()) {
      if (c.getMetaData().getDatabaseProductName().equals("H2")) {
        try (var statement = c.createStatement()) {
          statement.execute("SET WRITE_DELAY 0");
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot make commits durable: " + e.getMessage(), e);
    }
  }

  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  public ArticleRepository articles() {
    return new ArticleRepository(this);
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (Exception e) {
      throw new StoreException("cannot close the database: " + e.getMessage(), e);
    }
  }
}
