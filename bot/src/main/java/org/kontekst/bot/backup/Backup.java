package org.kontekst.bot.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.kontekst.knowledge.store.Revisions;

/**
 * The whole curated state of a data directory as one JSON Lines file of typed records (format in
 * {@code docs/backup.md}): a header, the installation record (the secret that signs button data,
 * salts user hashes and keys queue fingerprints), then the records of each {@link TableSection} in
 * order, then an end record with the count, so that a cut-off file is noticed. Export reads one
 * consistent snapshot; restore writes everything in one transaction into a data directory whose
 * backed-up tables are empty, or nothing. Derived data (the search index) is not backed up: it
 * rebuilds. The file holds the secret, so it is as sensitive as the data directory.
 */
public final class Backup {
  static final String HEADER_TYPE = "kontekst-backup";
  static final String END_TYPE = "end";
  /** The record of the installation secret ({@code tg_state.secret}), at most one. */
  static final String INSTALLATION_TYPE = "installation";
  /** Tables whose rows carry hashes keyed with the installation secret, besides backed-up ones. */
  private static final List<String> KEYED_TABLES = List.of("tg_feedback", "tg_user_stats");
  /** The format version; a reader refuses newer versions. */
  static final int VERSION = 1;

  /** The tables backed up, in the order they are written and restored. */
  public static final List<TableSection> SECTIONS =
      List.of(
          new TableSection(
              "article", "article",
              List.of(Column.text("id"), Column.text("title"), Column.text("outlet"), Column.text("url"),
                  new Column("published", Column.Kind.DATE), Column.text("language"), Column.text("tags"),
                  Column.text("status"), Column.timestamp("created_at"), Column.timestamp("updated_at"),
                  Column.text("body"), Column.text("text")),
              "id", ""),
          new TableSection(
              "lexicon", "lexicon_entry",
              List.of(Column.number("id"), Column.text("language"), Column.text("category"), Column.text("forms"),
                  Column.text("note_en"), Column.text("note_uk"), Column.text("suggestion"),
                  Column.text("conditions"), Column.text("curator"), Column.timestamp("added_at")),
              "id", "id"),
          new TableSection(
              "role", "curation_role",
              List.of(Column.number("user_id"), Column.text("role"), Column.number("granted_by"),
                  Column.timestamp("granted_at")),
              "user_id, role", ""),
          new TableSection(
              "audit", "curation_audit",
              List.of(Column.number("id"), Column.timestamp("at"), Column.number("actor"), Column.text("action"),
                  Column.text("target"), Column.text("before_json"), Column.text("after_json"), Column.text("note")),
              "id", "id"),
          new TableSection(
              "alias", "curated_alias",
              List.of(Column.number("id"), Column.text("concept"), Column.text("kind"), Column.text("forms_en"),
                  Column.text("forms_uk"), Column.text("forms_ru"), Column.text("forms_other"), Column.text("curator"),
                  Column.timestamp("added_at")),
              "id", "id"),
          new TableSection(
              "source", "source_entry",
              List.of(Column.number("id"), Column.text("kind"), Column.text("handle"), Column.text("name"),
                  Column.text("label"), Column.text("note"), Column.text("added_by"), Column.timestamp("added_at")),
              "id", "id"),
          new TableSection(
              "queue_item", "queue_item",
              List.of(Column.number("id"), new Column("fingerprint", Column.Kind.BYTES), Column.text("language"),
                  new Column("unmatched", Column.Kind.INT), new Column("sent", Column.Kind.INT),
                  Column.timestamp("first_seen"), Column.timestamp("last_seen"), Column.text("status"),
                  Column.text("article_id"), Column.timestamp("closed_at")),
              "id", "id"),
          new TableSection(
              "volunteer_post", "tg_volunteer_post",
              List.of(Column.number("id"), Column.timestamp("created_at"), Column.number("reply_id"),
                  Column.text("text"), Column.text("forwarded_from"), Column.text("interface_language"),
                  Column.text("user_hash"), Column.number("notify_chat_id"), Column.text("status"),
                  Column.number("queue_item_id"), Column.text("notice_article"), Column.text("notice_html"),
                  Column.text("notice_status"), Column.timestamp("notice_at")),
              "id", "id"));

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private final DataSource db;
  private final List<TableSection> sections;
  private final Clock clock;

  public Backup(DataSource db, List<TableSection> sections, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.sections = List.copyOf(sections);
    this.clock = Objects.requireNonNull(clock, "clock");
    if (this.sections.stream().map(TableSection::type).distinct().count() != this.sections.size()) {
      throw new IllegalArgumentException("two sections with one type");
    }
  }

  public Backup(DataSource db) {
    this(db, SECTIONS, Clock.systemUTC());
  }

  /** Whether the file starts like a backup (its first line is the header record). */
  public static boolean isBackup(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      return first != null && first.startsWith("{\"type\":\"" + HEADER_TYPE + "\"");
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** Writes every section from one snapshot; returns the counts by record type. */
  public Map<String, Integer> export(Writer out) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      int isolation = c.getTransactionIsolation();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        ObjectNode header = JSON.createObjectNode();
        header.put("type", HEADER_TYPE);
        header.put("version", VERSION);
        header.put("created", clock.instant().toString());
        header.put(
            "sections",
            INSTALLATION_TYPE + "," + sections.stream().map(TableSection::type).collect(Collectors.joining(",")));
        write(out, header);
        write(out, installation(c));
        counts.put(INSTALLATION_TYPE, 1);
        int total = 1;
        for (TableSection s : sections) {
          int n = exportSection(c, s, out);
          counts.put(s.type(), n);
          total += n;
        }
        ObjectNode end = JSON.createObjectNode();
        end.put("type", END_TYPE);
        end.put("records", total);
        write(out, end);
        c.commit();
      } finally {
        c.rollback();
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new BackupException("cannot read the database: " + e.getMessage(), e);
    }
    out.flush();
    return counts;
  }

  /**
   * The installation record: the secret, and the highest reply id so far, past which a restored
   * directory numbers its replies (the reply log is not backed up, and a button from before the
   * backup must not land on a new reply that happens to get its old id).
   */
  private static ObjectNode installation(Connection c) throws SQLException {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", INSTALLATION_TYPE);
    try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM tg_state WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new BackupException("the database has no installation secret (tg_state is empty)");
      }
      o.put("secret", Base64.getEncoder().encodeToString(rs.getBytes(1)));
    }
    // The reply log is not backed up: what counts is the highest id it ever gave, here or in the
    // installation this one was restored from.
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT COALESCE(MAX(id), 0), (SELECT reply_floor FROM tg_state WHERE id = 1) FROM tg_reply");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      o.put("last_reply_id", Math.max(rs.getLong(1), rs.getLong(2)));
    }
    return o;
  }

  /**
   * Takes over the backed-up installation secret, so that buttons signed and hashes made before
   * the backup stay valid; returns the reply id to number new replies after. Refused when the data
   * directory already has hashes made with its own secret.
   */
  private static long restoreInstallation(Connection c, JsonNode o, int number) throws SQLException {
    for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("type") && !name.equals("secret") && !name.equals("last_reply_id")) {
        throw new BackupException("line " + number + ": unknown field '" + abbreviate(name) + "' in the installation record");
      }
    }
    JsonNode value = o.get("secret");
    if (value == null || !value.isTextual()) {
      throw new BackupException("line " + number + ": the installation record needs a \"secret\" string");
    }
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(value.textValue());
    } catch (IllegalArgumentException e) {
      throw new BackupException("line " + number + ": the installation secret is not base64");
    }
    if (secret.length < 16 || secret.length > 32) {
      throw new BackupException("line " + number + ": the installation secret must be 16 to 32 bytes, not " + secret.length);
    }
    for (String table : KEYED_TABLES) {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          throw new BackupException(
              "the data directory already has bot statistics (" + table + ") made with its own installation secret;"
                  + " restore a backup into an empty data directory (--data NEW_DIR)");
        }
      }
    }
    JsonNode lastReply = o.get("last_reply_id");
    if (lastReply != null && !(lastReply.canConvertToLong() && lastReply.isIntegralNumber() && lastReply.longValue() >= 0)) {
      throw new BackupException("line " + number + ": \"last_reply_id\" must be a number of at least 0");
    }
    long floor = lastReply == null ? 0 : lastReply.longValue();
    try (PreparedStatement ps = c.prepareStatement("UPDATE tg_state SET secret = ?, reply_floor = ? WHERE id = 1")) {
      ps.setBytes(1, secret);
      ps.setLong(2, floor);
      if (ps.executeUpdate() != 1) {
        throw new BackupException("the data directory has no installation state to restore the secret into");
      }
    }
    return floor;
  }

  private int exportSection(Connection c, TableSection s, Writer out) throws SQLException, IOException {
    String columns = s.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    int n = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + s.table() + " ORDER BY " + s.orderBy());
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", s.type());
        for (int i = 0; i < s.columns().size(); i++) {
          put(o, s.columns().get(i), rs, i + 1);
        }
        write(out, o);
        n++;
      }
    }
    return n;
  }

  private static void put(ObjectNode o, Column col, ResultSet rs, int i) throws SQLException {
    String f = col.name();
    switch (col.kind()) {
      case TEXT -> o.put(f, rs.getString(i));
      case LONG -> { long v = rs.getLong(i); if (rs.wasNull()) o.putNull(f); else o.put(f, v); }
      case INT -> { int v = rs.getInt(i); if (rs.wasNull()) o.putNull(f); else o.put(f, v); }
      case DOUBLE -> { double v = rs.getDouble(i); if (rs.wasNull()) o.putNull(f); else o.put(f, v); }
      case BOOLEAN -> { boolean v = rs.getBoolean(i); if (rs.wasNull()) o.putNull(f); else o.put(f, v); }
      case TIMESTAMP -> { OffsetDateTime t = rs.getObject(i, OffsetDateTime.class); o.put(f, t == null ? null : t.toInstant().toString()); }
      case DATE -> { Date d = rs.getDate(i); o.put(f, d == null ? null : d.toLocalDate().toString()); }
      case BYTES -> { byte[] b = rs.getBytes(i); o.put(f, b == null ? null : Base64.getEncoder().encodeToString(b)); }
      default -> throw new IllegalStateException("unknown kind " + col.kind());
    }
  }

  private static void write(Writer out, ObjectNode o) throws IOException {
    out.write(JSON.writeValueAsString(o));
    out.write('\n');
  }

  /**
   * Restores a backup in one transaction. The backed-up tables must be empty (a fresh data
   * directory), so that a restore never mixes two knowledge bases.
   *
   * @return the counts by record type
   * @throws BackupException naming the line, when the file is not a complete, valid backup
   */
  public Map<String, Integer> restore(BufferedReader in) throws IOException {
    Map<String, TableSection> byType = new HashMap<>();
    sections.forEach(s -> byType.put(s.type(), s));
    Map<String, Integer> counts = new LinkedHashMap<>();
    sections.forEach(s -> counts.put(s.type(), 0));
    long lastReplyId = 0;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        for (TableSection s : sections) {
          requireEmpty(c, s);
        }
        Map<String, PreparedStatement> inserts = new HashMap<>();
        int number = 0;
        int records = 0;
        boolean header = false;
        boolean ended = false;
        try {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
              continue;
            }
            if (ended) {
              throw new BackupException("line " + number + ": records after the end record; the file was changed by hand");
            }
            JsonNode o = parse(line, number);
            String type = o.path("type").asText("");
            if (!header) {
              requireHeader(o, number);
              header = true;
            } else if (type.equals(INSTALLATION_TYPE)) {
              if (counts.containsKey(INSTALLATION_TYPE)) {
                throw new BackupException("line " + number + ": a second installation record");
              }
              lastReplyId = restoreInstallation(c, o, number);
              counts.put(INSTALLATION_TYPE, 1);
              records++;
            } else if (type.equals(END_TYPE)) {
              if (o.path("records").asInt(-1) != records) {
                throw new BackupException("line " + number + ": the end record counts " + o.path("records").asText() + " records, the file has " + records);
              }
              ended = true;
            } else {
              TableSection s = byType.get(type);
              if (s == null) {
                throw new BackupException("line " + number + ": unknown record type '" + abbreviate(type) + "'; this backup is from a newer Kontekst");
              }
              PreparedStatement ps = inserts.get(type);
              if (ps == null) {
                ps = c.prepareStatement(insertSql(s));
                inserts.put(type, ps);
              }
              bind(ps, s, o, number);
              try {
                ps.executeUpdate();
              } catch (SQLException e) {
                throw new BackupException(
                    "line " + number + ": the " + s.type() + " record does not fit the database (" + reason(e)
                        + "); nothing was restored",
                    e);
              }
              counts.merge(type, 1, Integer::sum);
              records++;
            }
          }
        } finally {
          for (PreparedStatement ps : inserts.values()) ps.close();
        }
        if (!header) {
          throw new BackupException("the file is empty; it is not a Kontekst backup");
        }
        if (!ended) {
          throw new BackupException("the file ends without its end record: it was cut off; nothing was restored");
        }
        // Everything changed: indexes and other instances sharing the database follow.
        Revisions.bumpAll(c);
        c.commit();
      } catch (SQLException | RuntimeException | IOException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      for (TableSection s : sections) {
        if (!s.identity().isEmpty()) {
          restartIdentity(c, s.table(), s.identity(), 1);
        }
      }
      if (counts.containsKey(INSTALLATION_TYPE)) {
        restartIdentity(c, "tg_reply", "id", lastReplyId + 1);
      }
    } catch (SQLException e) {
      throw new BackupException("nothing was restored: " + e.getMessage(), e);
    }
    return counts;
  }

  /**
   * What the database said, without the statement it quotes: a value too long, a duplicate key, a
   * constraint broken, named by column or constraint.
   */
  static String reason(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int statement = m.indexOf("; SQL statement:");
    if (statement >= 0) m = m.substring(0, statement);
    int newline = m.indexOf('\n');
    if (newline >= 0) m = m.substring(0, newline);
    return m.strip();
  }

  private static void requireHeader(JsonNode o, int number) {
    if (!o.path("type").asText("").equals(HEADER_TYPE)) {
      throw new BackupException("line " + number + ": not a Kontekst backup (the first record must be the header)");
    }
    int version = o.path("version").asInt(0);
    if (version < 1 || version > VERSION) {
      throw new BackupException("line " + number + ": backup format version " + o.path("version").asText() + " is not supported; this Kontekst reads version " + VERSION);
    }
  }

  private static void requireEmpty(Connection c, TableSection s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + s.table());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new BackupException(
            "the data directory already has " + s.type() + " records; restore a backup into an empty data directory (--data NEW_DIR)");
      }
    }
  }

  private static String insertSql(TableSection s) {
    String columns = s.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    String marks = s.columns().stream().map(col -> "?").collect(Collectors.joining(", "));
    return "INSERT INTO " + s.table() + " (" + columns + ") VALUES (" + marks + ")";
  }

  private static void bind(PreparedStatement ps, TableSection s, JsonNode o, int number) throws SQLException {
    for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("type") && s.columns().stream().noneMatch(col -> col.name().equals(name))) {
        throw new BackupException("line " + number + ": unknown field '" + abbreviate(name) + "' in a " + s.type() + " record");
      }
    }
    for (int i = 0; i < s.columns().size(); i++) {
      Column col = s.columns().get(i);
      JsonNode v = o.get(col.name());
      int p = i + 1;
      if (v == null || v.isNull()) {
        ps.setNull(p, sqlType(col.kind()));
        continue;
      }
      try {
        switch (col.kind()) {
          case TEXT -> ps.setString(p, requireText(v, col, number));
          case LONG -> ps.setLong(p, requireNumber(v, col, number).longValue());
          case INT -> ps.setInt(p, requireNumber(v, col, number).intValue());
          case DOUBLE -> ps.setDouble(p, requireNumber(v, col, number).doubleValue());
          case BOOLEAN -> {
            if (!v.isBoolean()) throw new BackupException("line " + number + ": \"" + col.name() + "\" must be true or false");
            ps.setBoolean(p, v.booleanValue());
          }
          case TIMESTAMP -> ps.setObject(p, Instant.parse(requireText(v, col, number)).atOffset(ZoneOffset.UTC));
          case DATE -> ps.setDate(p, Date.valueOf(LocalDate.parse(requireText(v, col, number))));
          case BYTES -> ps.setBytes(p, Base64.getDecoder().decode(requireText(v, col, number)));
          default -> throw new IllegalStateException("unknown kind " + col.kind());
        }
      } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
        if (e instanceof BackupException) throw e;
        throw new BackupException("line " + number + ": \"" + col.name() + "\" is not valid: " + e.getMessage());
      }
    }
  }

  private static String requireText(JsonNode v, Column col, int number) {
    if (!v.isTextual()) {
      throw new BackupException("line " + number + ": \"" + col.name() + "\" must be a string");
    }
    return v.textValue();
  }

  private static Number requireNumber(JsonNode v, Column col, int number) {
    if (!v.isNumber()) {
      throw new BackupException("line " + number + ": \"" + col.name() + "\" must be a number");
    }
    return v.numberValue();
  }

  private static int sqlType(Column.Kind kind) {
    return switch (kind) {
      case TEXT -> Types.VARCHAR;
      case LONG -> Types.BIGINT;
      case INT -> Types.INTEGER;
      case DOUBLE -> Types.DOUBLE;
      case BOOLEAN -> Types.BOOLEAN;
      case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
      case DATE -> Types.DATE;
      case BYTES -> Types.VARBINARY;
    };
  }

  /**
   * Moves a generated id past the restored ones (and at least to {@code atLeast}), so that the next
   * insert does not collide.
   */
  private static void restartIdentity(Connection c, String table, String column, long atLeast) throws SQLException {
    long next;
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      next = Math.max(rs.getLong(1), atLeast);
    }
    // DDL takes no parameters; the names are fixed in this class and the value is a number, not input text.
    try (PreparedStatement ps = c.prepareStatement(
        "ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next)) {
      ps.executeUpdate();
    }
  }

  private static JsonNode parse(String line, int number) {
    try {
      JsonNode o = JSON.readTree(line);
      if (o == null || !o.isObject()) {
        throw new BackupException("line " + number + ": each line must be one JSON object");
      }
      return o;
    } catch (JsonProcessingException e) {
      throw new BackupException("line " + number + ": not valid JSON (" + e.getOriginalMessage().split("\n", 2)[0] + ")");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
