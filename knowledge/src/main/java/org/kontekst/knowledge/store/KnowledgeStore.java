package org.kontekst.knowledge.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded H2 database in a data directory, migrated by Flyway on open. Owns its connection
 * pool; close it to release the database file.
 */
public final class KnowledgeStore implements AutoCloseable {
  private final JdbcConnectionPool pool;

  private KnowledgeStore(JdbcConnectionPool pool) {
    this.pool = pool;
  }

  /** Opens (creating if needed) the database {@code kontekst} in {@code dataDir} and migrates it. */
  public static KnowledgeStore open(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
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
    JdbcDataSource source = new JdbcDataSource();
    source.setURL(jdbcUrl);
    source.setUser("sa");
    source.setPassword("");
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(16);
    try {
      // db/common holds migrations written in SQL that H2 and PostgreSQL both run.
      Flyway.configure().dataSource(pool).locations("classpath:db/migration", "classpath:db/common").load().migrate();
    } catch (RuntimeException e) {
      pool.dispose();
      throw new StoreException("cannot open the knowledge base at " + jdbcUrl + ": " + e.getMessage(), e);
    }
    return new KnowledgeStore(pool);
  }

  public DataSource dataSource() {
    return pool;
  }

  /**
   * Makes every commit reach the database file before it returns, for as long as the database is
   * open. H2 otherwise writes commits in the background within half a second, so a killed process
   * loses the last ones; what promises durability to others (the webhook answering Telegram 200)
   * needs this. It costs about a millisecond per commit. Databases that sync on commit by
   * themselves (PostgreSQL) need nothing.
   */
  public void syncEachCommit() {
    try (Connection c = pool.getConnection()) {
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
    return pool.getConnection();
  }

  public ArticleRepository articles() {
    return new ArticleRepository(this);
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
