package org.kontekst.knowledge.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.kontekst.knowledge.store.Revisions;
import org.kontekst.knowledge.store.StoreException;
import org.kontekst.knowledge.store.Transactions;

/**
 * The aliases curators add at runtime, in the database ({@code curated_alias}), and their text as
 * an extra {@link AliasTable.Source}. Every write bumps the aliases' revision; it does not reload
 * the table: the owner of the {@link Retrieval} does that ({@link Retrieval#reloadAliases}), on
 * this instance and on every other that shares the database.
 */
public final class CuratedAliases {
  /** A stored alias with its id. */
  public record Stored(long id, AliasEntry entry, String curator, Instant added) {
    public Stored {
      Objects.requireNonNull(entry, "entry");
    }
  }

  private final DataSource db;

  public CuratedAliases(DataSource db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /** Stores an alias and returns its id. */
  public long add(AliasEntry entry, String curator) {
    String sql =
        "INSERT INTO curated_alias (concept, kind, forms_en, forms_uk, forms_ru, forms_other, curator, added_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    return Transactions.inTransaction(
        db,
        "store an alias",
        c -> {
          long id;
          try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setString(1, entry.concept());
            ps.setString(2, entry.kind());
            ps.setString(3, String.join("|", entry.en()));
            ps.setString(4, String.join("|", entry.uk()));
            ps.setString(5, String.join("|", entry.ru()));
            ps.setString(6, String.join("|", entry.other()));
            ps.setString(7, curator == null ? "" : curator);
            ps.setObject(8, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              id = keys.getLong(1);
            }
          }
          Revisions.bump(c, Revisions.ALIASES);
          return id;
        });
  }

  /** Removes an alias; false when there is none with that id. */
  public boolean remove(long id) {
    return Revisions.deleteById(db, "curated_alias", id, Revisions.ALIASES);
  }

  /** The stored aliases, oldest first. */
  public List<Stored> list() {
    String sql =
        "SELECT id, concept, kind, forms_en, forms_uk, forms_ru, forms_other, curator, added_at"
            + " FROM curated_alias ORDER BY id";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<Stored> out = new ArrayList<>();
      while (rs.next()) {
        out.add(
            new Stored(
                rs.getLong(1),
                new AliasEntry(rs.getString(2), rs.getString(3), split(rs.getString(4)), split(rs.getString(5)),
                    split(rs.getString(6)), split(rs.getString(7))),
                rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant()));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read aliases: " + e.getMessage(), e);
    }
  }

  /** The stored aliases as an alias-table source, read when the table is (re)loaded. */
  public AliasTable.Source source() {
    return new AliasTable.Source(
        "curated aliases (database)",
        () -> {
          StringBuilder tsv = new StringBuilder();
          for (Stored s : list()) {
            tsv.append(s.entry().tsv()).append('\n');
          }
          return new java.io.StringReader(tsv.toString());
        });
  }

  private static List<String> split(String forms) {
    return forms == null || forms.isEmpty() ? List.of() : Arrays.asList(forms.split("\\|"));
  }
}
