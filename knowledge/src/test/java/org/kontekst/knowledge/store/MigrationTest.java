package org.kontekst.knowledge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file made by an earlier version opens and migrates: the H2 history (V1–V11 in {@code
 * db/migration}, then {@code db/common}) still validates with the migrations added since.
 */
class MigrationTest {
  @TempDir Path data;

  @Test
  void should_upgrade_an_h2_file_made_before_send_pacing() throws SQLException {
    String url = "jdbc:h2:" + data.toAbsolutePath().resolve("kontekst");
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration", "classpath:db/common")
        .target("14")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      assertEquals("14", latest(c), "the file as version 14 left it");
    }

    try (KnowledgeStore store = KnowledgeStore.open(data);
        Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      assertEquals("15", latest(c));
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tg_send_pace")) {
        rs.next();
        assertEquals(0, rs.getInt(1));
      }
    }
  }

  private static String latest(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                    + " ORDER BY \"installed_rank\" DESC LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
