package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.store.StoreConfig;
import picocli.CommandLine;

/** Where the data lives: the embedded database by default, PostgreSQL from flags or the environment. */
class DataOptionTest {
  private static DataOption parse(String... args) {
    DataOption option = new DataOption();
    new CommandLine(option).parseArgs(args);
    return option;
  }

  @Test
  void should_use_the_embedded_database_when_no_url_is_given() {
    StoreConfig store = parse("--data", "d").store(Path.of("d"), Map.of("KONTEKST_DB_URL", " "));

    assertNull(store.url());
    assertFalse(store.shared());
  }

  @Test
  void should_take_the_url_and_user_from_flags_before_the_environment_and_the_password_from_it() {
    Map<String, String> env = Map.of(
        "KONTEKST_DB_URL", "jdbc:postgresql://env:5432/kb", "KONTEKST_DB_USER", "env-user",
        "KONTEKST_DB_PASSWORD", "s3cret");

    StoreConfig fromEnv = parse().store(Path.of("d"), env);
    StoreConfig fromFlags = parse("--db-url", "jdbc:postgresql://flag:5432/kb", "--db-user", "flag-user")
        .store(Path.of("d"), env);

    assertEquals("jdbc:postgresql://env:5432/kb", fromEnv.url());
    assertEquals("env-user", fromEnv.user());
    assertEquals("jdbc:postgresql://flag:5432/kb", fromFlags.url());
    assertEquals("flag-user", fromFlags.user());
    assertEquals("s3cret", fromFlags.password());
    assertTrue(fromFlags.shared());
    assertFalse(fromFlags.toString().contains("s3cret"), "the password is never printed");
  }

  @Test
  void should_refuse_an_h2_url_from_outside(@TempDir Path dir) {
    // An in-memory database would take an import and lose it; INIT would run SQL at connect time.
    for (String url : new String[] {"jdbc:h2:mem:kb", "jdbc:h2:" + dir + "/x;INIT=RUNSCRIPT FROM 'x.sql'"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> parse("--db-url", url).store(dir, Map.of()));
      assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
    }
  }

  @Test
  void should_refuse_an_empty_data_option_or_a_file_as_the_data_directory(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "x");
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> parse("--data=").dataDir());
    IllegalArgumentException notAFolder =
        assertThrows(IllegalArgumentException.class, () -> parse("--data", file.toString()).dataDir());

    assertTrue(empty.getMessage().contains("--data is empty"), empty.getMessage());
    assertTrue(notAFolder.getMessage().contains("is a file, not a folder"), notAFolder.getMessage());
    assertEquals(dir.resolve("new"), parse("--data", dir.resolve("new").toString()).dataDir());
  }

  @Test
  void should_refuse_another_database_or_a_user_without_a_url_saying_what_to_set() {
    IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class,
        () -> parse("--db-url", "jdbc:mysql://db/kb?password=s3cret").store(Path.of("d"), Map.of()));
    IllegalArgumentException orphan = assertThrows(IllegalArgumentException.class,
        () -> parse().store(Path.of("d"), Map.of("KONTEKST_DB_USER", "bob")));

    assertTrue(scheme.getMessage().contains("jdbc:postgresql:"), scheme.getMessage());
    assertFalse(scheme.getMessage().contains("s3cret"), "the URL's query, where a password may be, is not shown");
    assertTrue(orphan.getMessage().contains("KONTEKST_DB_URL"), orphan.getMessage());
  }
}
