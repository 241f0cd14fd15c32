package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.bot.chat.BotState;
import org.kontekst.bot.curation.AuditEntry;
import org.kontekst.bot.curation.AuditLog;
import org.kontekst.bot.curation.Curation;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.curation.Roles;
import org.kontekst.bot.feedback.ButtonData;
import org.kontekst.bot.feedback.FeedbackAction;
import org.kontekst.bot.feedback.Signer;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.StoreConfig;
import org.kontekst.knowledge.store.TestDatabase;
import org.kontekst.knowledge.wording.CuratedEntry;
import org.kontekst.knowledge.wording.CuratedLexicon;
import org.kontekst.knowledge.wording.LexiconEntry;
import org.kontekst.knowledge.wording.Wording;
import picocli.CommandLine;

/**
 * {@code kontekst export} then {@code kontekst import} into an empty data directory reproduces
 * everything, on H2 and on PostgreSQL (chosen with {@code --db-url}, as a deployment would).
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class BackupRoundTripTest {
  @Parameter TestDatabase database;
  @TempDir Path tmp;

  private final StringWriter err = new StringWriter();
  private final Map<String, StoreConfig> stores = new HashMap<>();

  /** The store called {@code name}: H2 in a data directory of that name, or a new PostgreSQL database. */
  private StoreConfig store(String name) {
    return stores.computeIfAbsent(
        name, n -> database.isPostgresql() ? database.config(tmp.resolve(n)) : StoreConfig.embedded(tmp.resolve(n)));
  }

  /** {@code command}, the options that select the store {@code name}, then {@code rest}. */
  private int run(String command, String name, String... rest) {
    StoreConfig where = store(name);
    List<String> args = new ArrayList<>(List.of(command, "--data", where.dataDir().toString()));
    if (where.url() != null) {
      args.addAll(List.of("--db-url", where.url(), "--db-user", where.user()));
    }
    args.addAll(List.of(rest));
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args.toArray(String[]::new));
  }

  private static Article article(String id, String title, String language, ArticleStatus status) {
    Instant t = Instant.parse("2024-06-20T10:15:30.123456Z");
    return new Article(id, title, "Outlet \"quoted\"", "https://example.org/" + id, LocalDate.of(2024, 6, 19),
        language, "Body with\nlines, “quotes”, <tags> & emoji 🙂\n", "Body with lines " + title, List.of("tag one", "Україна"),
        status, t, t);
  }

  private void curate(String name) {
    try (KnowledgeStore store = KnowledgeStore.open(store(name))) {
      Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05.678901Z"), ZoneOffset.UTC);
      Roles roles = new Roles(store.dataSource(), Set.of(1L));
      Curation curation = new Curation(store.dataSource(), store.articles(), roles, new AuditLog(store.dataSource()), a -> {}, clock);
      curation.grant(1, 200, Role.CURATOR);
      curation.grant(1, 300, Role.MODERATOR);
      curation.grant(1, 301, Role.MODERATOR);
      curation.revoke(1, 301, Role.MODERATOR);
      curation.add(200, Role.CURATOR, article("pending-one", "Pending article", "en", ArticleStatus.PENDING));
      curation.add(300, Role.MODERATOR, article("published-one", "Опубліковано", "uk", ArticleStatus.PENDING));
      curation.add(300, Role.MODERATOR, article("to-retire", "Статья", "ru", ArticleStatus.PENDING));
      curation.retire(300, "to-retire");
      curation.edit(200, Role.CURATOR, "pending-one", "published", "-");
      store.articles().upsert(article("imported", "Imported directly", "en", ArticleStatus.PUBLISHED));
      CuratedLexicon lexicon = Wording.withStore(store.dataSource());
      lexicon.add(new LexiconEntry("ru", "pejorative", List.of("укроп*"), "A slur for Ukrainians.", "Зневажлива назва українців.", "українці", ""), "curator 200");
      CuratedEntry removed = lexicon.add(new LexiconEntry("en", "euphemism", List.of("special operation"), "Means the war.", "Означає війну.", "war", ""), "");
      lexicon.add(new LexiconEntry("en", "allow", List.of("chicken Kiev"), "", "", "", ""), "");
      lexicon.remove(removed.id());
      sql(store, "INSERT INTO curated_alias (concept, kind, forms_en, forms_uk, forms_ru, forms_other, curator, added_at)"
          + " VALUES ('zorya', 'term', 'Zorya', 'Зоря', 'Заря', '', 'curator 200', TIMESTAMP WITH TIME ZONE '2025-01-02 03:04:05+00')");
      sql(store, "INSERT INTO source_entry (kind, handle, name, label, note, added_by, added_at)"
          + " VALUES ('CHANNEL', 'rian_ru', 'РИА Новости', 'state-controlled media', 'listed by CCD, March 2024', 'cli',"
          + " TIMESTAMP WITH TIME ZONE '2025-01-02 03:04:05+00')");
      try (var c = store.dataSource().getConnection();
          var ps = c.prepareStatement("INSERT INTO queue_item (fingerprint, language, unmatched, sent, first_seen,"
              + " last_seen, status) VALUES (?, 'uk', 3, 1, TIMESTAMP WITH TIME ZONE '2025-01-02 03:04:05+00',"
              + " TIMESTAMP WITH TIME ZONE '2025-01-03 03:04:05+00', 'OPEN')")) {
        ps.setBytes(1, new byte[] {1, 2, 3, 4, 5});
        ps.executeUpdate();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      sql(store, "INSERT INTO tg_volunteer_post (created_at, reply_id, text, forwarded_from, interface_language, user_hash,"
          + " notify_chat_id, status, queue_item_id) VALUES (TIMESTAMP WITH TIME ZONE '2025-01-03 03:04:05+00', 7,"
          + " 'Пост, який людина надіслала волонтерам', 'Some channel', 'uk', 'abc123', 42, 'NEW',"
          + " (SELECT MAX(id) FROM queue_item))");
      for (int i = 0; i < 3; i++) {
        sql(store, "INSERT INTO tg_reply (created_at, chat_kind, language, article_ids, top_score, flag_count)"
            + " VALUES (TIMESTAMP WITH TIME ZONE '2025-01-03 03:04:05+00', 'PRIVATE', 'en', '', NULL, 0)");
      }
    }
  }

  /** The curated store "original" and its backup "kb.jsonl". */
  private Path curatedBackup() {
    Path backup = tmp.resolve("kb.jsonl");
    curate("original");
    assertEquals(0, run("export", "original", backup.toString()), err.toString());
    return backup;
  }

  /** A copy of {@code backup}, named {@code name}, with its lines changed by {@code edit}. */
  private Path edited(Path backup, String name, java.util.function.Consumer<List<String>> edit) throws java.io.IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(backup, StandardCharsets.UTF_8));
    edit.accept(lines);
    Path copy = tmp.resolve(name);
    Files.write(copy, lines, StandardCharsets.UTF_8);
    return copy;
  }

  private static void sql(KnowledgeStore store, String statement) {
    try (var c = store.dataSource().getConnection(); var st = c.createStatement()) {
      st.executeUpdate(statement);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void should_reproduce_articles_lexicon_roles_audit_aliases_sources_and_queue_exactly_in_an_empty_data_directory() throws Exception {
    Path backup = tmp.resolve("backups/kb.jsonl");
    Path again = tmp.resolve("backups/again.jsonl");
    curate("original");

    assertEquals(0, run("export", "original", backup.toString()), err.toString());
    assertEquals(0, run("import", "restored", backup.toString()), err.toString());
    assertEquals(0, run("export", "restored", again.toString()), err.toString());

    List<String> first = Files.readAllLines(backup, StandardCharsets.UTF_8);
    List<String> second = Files.readAllLines(again, StandardCharsets.UTF_8);
    assertEquals(first.subList(1, first.size()), second.subList(1, second.size()), "records differ");
    // installation, articles, lexicon, roles, audit, alias, source, queue item, volunteer post, header and end
    assertEquals(1 + 4 + 2 + 2 + 9 + 1 + 1 + 1 + 1 + 2, first.size(), String.join("\n", first));
    assertTrue(first.stream().anyMatch(l -> l.contains("\"type\":\"volunteer_post\"") && l.contains("волонтерам")));
    assertTrue(first.get(1).startsWith("{\"type\":\"installation\",\"secret\":\""), first.get(1));
    if (Files.getFileAttributeView(backup, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
      assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)),
          "the backup holds the installation secret: only its owner may read it");
    }
    try (KnowledgeStore a = KnowledgeStore.open(store("original"));
        KnowledgeStore b = KnowledgeStore.open(store("restored"))) {
      byte[] secret = new BotState(a.dataSource()).secret();
      assertArrayEquals(secret, new BotState(b.dataSource()).secret(), "the installation secret is restored");
      Signer before = new Signer(secret);
      Signer after = new Signer(new BotState(b.dataSource()).secret());
      assertEquals(before.userHash(42), after.userHash(42), "user hashes stay the same");
      String button = new ButtonData(FeedbackAction.HELPFUL, 7).encode(before, 42);
      assertEquals(Optional.of(new ButtonData(FeedbackAction.HELPFUL, 7)), ButtonData.decode(button, 42, after),
          "a button signed before the backup is still valid");
      sql(b, "INSERT INTO tg_reply (created_at, chat_kind, language, article_ids, top_score, flag_count)"
          + " VALUES (CURRENT_TIMESTAMP, 'PRIVATE', 'en', '', NULL, 0)");
      try (var c = b.dataSource().getConnection(); var st = c.createStatement(); var rs = st.executeQuery("SELECT MAX(id) FROM tg_reply")) {
        rs.next();
        assertEquals(4, rs.getLong(1), "new replies are numbered after the old ones, whose buttons must not land on them");
      }
      assertEquals(a.articles().all(), b.articles().all());
      assertEquals(new Roles(a.dataSource(), Set.of()).all(), new Roles(b.dataSource(), Set.of()).all());
      assertEquals(new AuditLog(a.dataSource()).all(), new AuditLog(b.dataSource()).all());
      assertEquals(Wording.withStore(a.dataSource()).list(), Wording.withStore(b.dataSource()).list());
      assertEquals(Role.MODERATOR, new Roles(b.dataSource(), Set.of()).of(300).orElseThrow());
    }
  }

  @Test
  void should_keep_the_new_secret_of_a_data_directory_restored_from_a_backup_without_one() throws Exception {
    Path older = edited(curatedBackup(), "older.jsonl", lines -> {
      lines.remove(1);
      lines.set(lines.size() - 1, "{\"type\":\"end\",\"records\":" + (lines.size() - 2) + "}");
    });

    assertEquals(0, run("import", "restored", older.toString()), err.toString());

    try (KnowledgeStore a = KnowledgeStore.open(store("original"));
        KnowledgeStore b = KnowledgeStore.open(store("restored"))) {
      assertFalse(java.util.Arrays.equals(new BotState(a.dataSource()).secret(), new BotState(b.dataSource()).secret()));
      assertEquals(a.articles().all(), b.articles().all());
    }
  }

  @Test
  void should_refuse_a_secret_over_statistics_hashed_with_another_and_a_malformed_one() throws Exception {
    Path backup = curatedBackup();
    byte[] fresh;
    try (KnowledgeStore store = KnowledgeStore.open(store("used"))) {
      sql(store, "INSERT INTO tg_user_stats (user_hash, posts_checked, feedback_given, first_seen, last_seen)"
          + " VALUES ('0123abcd', 3, 0, DATE '2025-01-02', DATE '2025-01-03')");
      fresh = new BotState(store.dataSource()).secret();
    }
    Path shortSecret = edited(backup, "short.jsonl", lines -> lines.set(1, "{\"type\":\"installation\",\"secret\":\"c2hvcnQ=\"}"));

    assertEquals(1, run("import", "used", backup.toString()));
    assertEquals(1, run("import", "b", shortSecret.toString()));

    assertTrue(err.toString().contains("already has bot statistics (tg_user_stats) made with its own installation secret"), err.toString());
    assertTrue(err.toString().contains("line 2: the installation secret must be 16 to 32 bytes, not 5"), err.toString());
    try (KnowledgeStore store = KnowledgeStore.open(store("used"))) {
      assertArrayEquals(fresh, new BotState(store.dataSource()).secret());
      assertEquals(List.of(), store.articles().all());
    }
  }

  @Test
  void should_move_a_knowledge_base_from_the_embedded_database_to_this_one() throws Exception {
    Path backup = tmp.resolve("kb.jsonl");
    stores.put("embedded", StoreConfig.embedded(tmp.resolve("embedded")));
    curate("embedded");

    assertEquals(0, run("export", "embedded", backup.toString()), err.toString());
    assertEquals(0, run("import", "restored", backup.toString()), err.toString());

    try (KnowledgeStore a = KnowledgeStore.open(store("embedded"));
        KnowledgeStore b = KnowledgeStore.open(store("restored"))) {
      assertEquals(4, b.articles().all().size());
      assertEquals(a.articles().all(), b.articles().all());
      assertEquals(new AuditLog(a.dataSource()).all(), new AuditLog(b.dataSource()).all());
      assertEquals(Wording.withStore(a.dataSource()).list(), Wording.withStore(b.dataSource()).list());
    }
  }

  @Test
  void should_give_new_rows_fresh_ids_after_a_restore() throws Exception {
    run("import", "restored", curatedBackup().toString());

    try (KnowledgeStore b = KnowledgeStore.open(store("restored"))) {
      Curation curation = new Curation(b.dataSource(), b.articles(), new Roles(b.dataSource(), Set.of(1L)), new AuditLog(b.dataSource()), x -> {}, Clock.systemUTC());
      curation.approve(300, "pending-one");
      CuratedEntry entry = Wording.withStore(b.dataSource()).add(
          new LexiconEntry("uk", "pejorative", List.of("рашист*"), "A slur.", "Зневажливе слово.", "росіяни", ""), "");

      List<AuditEntry> audit = new AuditLog(b.dataSource()).all();
      assertEquals(10, audit.get(audit.size() - 1).id());
      assertEquals(4, entry.id());
    }
  }

  @Test
  void should_refuse_to_restore_into_a_data_directory_with_articles_and_change_nothing() throws Exception {
    Path backup = curatedBackup();

    int code = run("import", "original", backup.toString());

    assertEquals(1, code);
    assertTrue(err.toString().contains("restore a backup into an empty data directory"), err.toString());
  }

  @Test
  void should_refuse_a_cut_off_or_tampered_backup_and_restore_nothing() throws Exception {
    Path backup = curatedBackup();
    Path cut = edited(backup, "cut.jsonl", lines -> lines.remove(lines.size() - 1));
    Path unknown = edited(backup, "unknown.jsonl", lines -> lines.add(2, "{\"type\":\"article\",\"id\":\"x\",\"colour\":\"red\"}"));

    int[] articleLine = new int[1];
    Path tooLong = edited(backup, "long.jsonl", lines -> {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("\"type\":\"article\"")) {
          try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var record = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(lines.get(i));
            record.put("title", "T".repeat(5_000));
            lines.set(i, mapper.writeValueAsString(record));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          articleLine[0] = i + 1;
          return;
        }
      }
    });

    assertEquals(1, run("import", "a", cut.toString()));
    assertEquals(1, run("import", "b", unknown.toString()));
    assertEquals(1, run("import", "c", tooLong.toString()));

    assertTrue(err.toString().contains("it was cut off; nothing was restored"), err.toString());
    assertTrue(err.toString().contains("line 3: unknown field 'colour' in a article record"), err.toString());
    assertTrue(err.toString().contains("line " + articleLine[0] + ": the article record does not fit the database"), err.toString());
    assertFalse(err.toString().contains("SQL statement"), err.toString());
    try (KnowledgeStore a = KnowledgeStore.open(store("a"))) {
      assertEquals(List.of(), a.articles().all());
      assertEquals(List.of(), new AuditLog(a.dataSource()).all());
    }
  }
}
