package org.kontekst.knowledge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening an existing knowledge base without starting Flyway, and the version that allows it. */
class KnowledgeStoreTest {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");

  @TempDir Path dir;

  @Test
  void schemaVersionIsTheHighestMigrationOnDisk() throws IOException {
    int highest = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher m = MIGRATION.matcher(file.getFileName().toString());
        if (m.matches()) highest = Math.max(highest, Integer.parseInt(m.group(1)));
      }
    }
    assertEquals(highest, KnowledgeStore.SCHEMA_VERSION, "raise KnowledgeStore.SCHEMA_VERSION with a new migration");
  }

  @Test
  void migratesADatabaseThatIsBehind() throws SQLException {
    // A knowledge base written by the previous release: every migration but the last.
    JdbcDataSource old = new JdbcDataSource();
    old.setURL("jdbc:h2:async:" + dir.toAbsolutePath().resolve("kontekst") + ";AUTO_SERVER=FALSE");
    old.setUser("sa");
    Flyway.configure()
        .dataSource(old)
        .locations("classpath:db/migration", "classpath:db/common")
        .target(Integer.toString(KnowledgeStore.SCHEMA_VERSION - 1))
        .load()
        .migrate();
    try (Connection c = old.getConnection(); Statement st = c.createStatement()) {
      st.execute("SHUTDOWN");
    }
    try (KnowledgeStore store = KnowledgeStore.open(dir)) {
      assertEquals(KnowledgeStore.SCHEMA_VERSION, highestApplied(store));
    }
  }

  @Test
  void opensAnUpToDateDatabaseWithoutFlyway() throws SQLException {
    try (KnowledgeStore store = KnowledgeStore.open(dir)) {
      // Flyway's validation would refuse a changed checksum; an up-to-date database is not
      // validated, so this opens.
      execute(store, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" = '1'");
    }
    try (KnowledgeStore store = KnowledgeStore.open(dir)) {
      assertEquals(KnowledgeStore.SCHEMA_VERSION, highestApplied(store));
    }
  }

  @Test
  void leavesAFailedMigrationToFlyway() throws SQLException {
    try (KnowledgeStore store = KnowledgeStore.open(dir)) {
      execute(store, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
          + KnowledgeStore.SCHEMA_VERSION + "'");
    }
    StoreException e = assertThrows(StoreException.class, () -> KnowledgeStore.open(dir));
    assertTrue(e.getMessage().contains("cannot open the knowledge base"), e.getMessage());
  }

  private static int highestApplied(KnowledgeStore store) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\"")) {
      int highest = -1;
      while (rs.next()) {
        if (rs.getString(1) != null) highest = Math.max(highest, Integer.parseInt(rs.getString(1)));
      }
      return highest;
    }
  }

  private static void execute(KnowledgeStore store, String sql) throws SQLException {
    try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
