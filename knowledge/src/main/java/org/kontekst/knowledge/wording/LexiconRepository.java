package org.kontekst.knowledge.wording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.kontekst.knowledge.store.Revisions;
import org.kontekst.knowledge.store.StoreException;
import org.kontekst.knowledge.store.Transactions;

/**
 * Reads and writes curator-added lexicon entries in the {@code lexicon_entry} table; every write
 * bumps the lexicon's revision, so that other instances reload.
 */
final class LexiconRepository {
  /** Forms are stored one per line, the same list the TSV files separate with " | ". */
  private static final String FORM_SEPARATOR = "\n";

  private final DataSource dataSource;

  LexiconRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  CuratedEntry insert(LexiconEntry entry, String curator) {
    Objects.requireNonNull(entry, "entry");
    String sql = "INSERT INTO lexicon_entry (language, category, forms, note_en, note_uk, suggestion,"
        + " conditions, curator, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // The database keeps microseconds; the returned record must equal what list() reads back.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return Transactions.inTransaction(
        dataSource,
        "save lexicon entry " + entry.forms().get(0),
        c -> {
          long id;
          try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setString(1, entry.language());
            ps.setString(2, entry.category());
            ps.setString(3, String.join(FORM_SEPARATOR, entry.forms()));
            ps.setString(4, entry.noteEn());
            ps.setString(5, entry.noteUk());
            ps.setString(6, entry.suggestion());
            ps.setString(7, entry.when());
            ps.setString(8, curator == null ? "" : curator);
            ps.setObject(9, now.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new StoreException("the database returned no id for the new lexicon entry", null);
              }
              id = keys.getLong(1);
            }
          }
          Revisions.bump(c, Revisions.LEXICON);
          return new CuratedEntry(id, entry, curator, now);
        });
  }

  boolean delete(long id) {
    return Revisions.deleteById(dataSource, "lexicon_entry", id, Revisions.LEXICON);
  }

  List<CuratedEntry> list() {
    String sql = "SELECT id, language, category, forms, note_en, note_uk, suggestion, conditions,"
        + " curator, added_at FROM lexicon_entry ORDER BY id";
    List<CuratedEntry> entries = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        LexiconEntry entry = new LexiconEntry(rs.getString(2), rs.getString(3),
            Arrays.asList(rs.getString(4).split(FORM_SEPARATOR)), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8));
        entries.add(new CuratedEntry(rs.getLong(1), entry, rs.getString(9),
            rs.getObject(10, OffsetDateTime.class).toInstant()));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the curated lexicon: " + e.getMessage(), e);
    }
    return entries;
  }
}
