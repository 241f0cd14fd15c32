package org.kontekst.bot.curation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.kontekst.bot.render.SourceLabel;
import org.kontekst.knowledge.store.Transactions;

/**
 * The source registry in H2 ({@code source_entry}): channels and domains with their labels, the
 * seed import from a CSV of channels, and the lookup a reply makes for the channel a post was
 * forwarded from and the domains and t.me channels it links to.
 */
public final class SourceRegistry {
  /** Hosts and t.me links looked up per post at most: a post full of links costs no more. */
  private static final int MAX_LOOKUPS = 20;

  private static final Pattern HOST =
      Pattern.compile("(?i)(?<![\\p{L}\\p{N}@.-])(?:https?://)?((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}[\\p{L}\\p{N}-]{1,62})(?=$|[/:?#\\s),.!;\"'»”])");
  private static final Pattern TME =
      Pattern.compile("(?i)(?:https?://)?(?:t|telegram)\\.me/(?:s/)?([A-Za-z0-9_]{3,64})");

  private final DataSource db;
  private final Clock clock;

  public SourceRegistry(DataSource db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds an entry, or replaces the label and note of the one with the same handle. */
  public void put(ListedSource source, String addedBy) {
    Transactions.inTransaction(db, "save source " + source.handle(), c -> put(c, source, addedBy));
  }

  private int put(Connection c, ListedSource s, String addedBy) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "MERGE INTO source_entry (kind, handle, name, label, note, added_by, added_at) KEY (kind, handle)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, s.kind().name());
      ps.setString(2, s.handle());
      ps.setString(3, s.name());
      ps.setString(4, s.label());
      ps.setString(5, s.note());
      ps.setString(6, addedBy == null ? "" : addedBy);
      ps.setObject(7, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      return ps.executeUpdate();
    }
  }

  /** Removes an entry; false when there is none. */
  public boolean remove(ListedSource.Kind kind, String handle) {
    String h = ListedSource.normalize(kind, handle);
    return Transactions.inTransaction(
        db,
        "remove source " + h,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM source_entry WHERE kind = ? AND handle = ?")) {
            ps.setString(1, kind.name());
            ps.setString(2, h);
            return ps.executeUpdate() > 0;
          }
        });
  }

  /** The entries, channels then domains, by handle; at most {@code limit}. */
  public List<ListedSource> list(int limit) {
    return Transactions.inTransaction(
        db,
        "read sources",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT kind, handle, name, label, note FROM source_entry ORDER BY kind, handle LIMIT ?")) {
            ps.setInt(1, limit);
            return read(ps);
          }
        });
  }

  public int size() {
    return Transactions.inTransaction(
        db,
        "count sources",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM source_entry");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  /** What an import did: rows stored, and rows skipped (with the first few reasons). */
  public record Imported(int stored, int skipped, List<String> problems) {
    public Imported {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Imports channels from a CSV with a header naming at least {@code handle} or {@code link} (the
   * shape of {@code channels-ccd-2024/channels.csv}: name, handle, link, subscribers,
   * snapshot_date, private), each with the given label and note, in one transaction. Rows without a
   * valid username are skipped and reported.
   */
  public Imported importChannels(Reader csv, String label, String note, String addedBy) throws IOException {
    Objects.requireNonNull(label, "label");
    BufferedReader in = new BufferedReader(csv);
    String headerLine = in.readLine();
    if (headerLine == null) {
      throw new IllegalArgumentException("the CSV is empty");
    }
    List<String> header = Csv.fields(headerLine.replace("\uFEFF", "")).stream()
        .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int handleAt = header.indexOf("handle");
    int linkAt = header.indexOf("link");
    int nameAt = header.indexOf("name");
    if (handleAt < 0 && linkAt < 0) {
      throw new IllegalArgumentException("the CSV header needs a handle or a link column: " + headerLine);
    }
    List<ListedSource> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int skipped = 0;
    int line = 1;
    for (List<String> row; (row = Csv.record(in)) != null; ) {
      line++;
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      String handle = cell(row, handleAt);
      if (handle.isEmpty()) {
        Matcher m = TME.matcher(cell(row, linkAt));
        handle = m.find() ? m.group(1) : "";
      }
      try {
        rows.add(new ListedSource(ListedSource.Kind.CHANNEL, handle, cell(row, nameAt), label, note));
      } catch (IllegalArgumentException e) {
        skipped++;
        if (problems.size() < 5) {
          problems.add("line " + line + ": " + e.getMessage());
        }
      }
    }
    int stored =
        Transactions.inTransaction(
            db,
            "import sources",
            c -> {
              for (ListedSource s : rows) {
                put(c, s, addedBy);
              }
              return rows.size();
            });
    return new Imported(stored, skipped, problems);
  }

  private static String cell(List<String> row, int at) {
    return at >= 0 && at < row.size() ? row.get(at).strip() : "";
  }

  /**
   * The registry's labels for a post: the channel it was forwarded from (its username, empty if
   * none) and the domains and t.me channels its text links to. Subdomains count: a listed
   * "example.com" labels "news.example.com".
   */
  public List<SourceLabel> labelsFor(String forwardedFromUsername, String text) {
    Set<String> channels = new LinkedHashSet<>();
    Set<String> domains = new LinkedHashSet<>();
    if (forwardedFromUsername != null && !forwardedFromUsername.isBlank()) {
      addChannel(channels, forwardedFromUsername);
    }
    String t = text == null ? "" : text;
    Matcher tme = TME.matcher(t);
    while (tme.find() && channels.size() < MAX_LOOKUPS) {
      addChannel(channels, tme.group(1));
    }
    Matcher host = HOST.matcher(t);
    while (host.find() && domains.size() < MAX_LOOKUPS) {
      String h;
      try {
        h = ListedSource.normalize(ListedSource.Kind.DOMAIN, host.group(1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      // The domain and each parent of it, down to two labels: "a.b.example.com" -> ..., "example.com".
      for (String d = h; d.indexOf('.') > 0 && domains.size() < MAX_LOOKUPS * 4; d = d.substring(d.indexOf('.') + 1)) {
        domains.add(d);
      }
    }
    if (channels.isEmpty() && domains.isEmpty()) {
      return List.of();
    }
    return Transactions.inTransaction(
        db,
        "look up sources",
        c -> {
          List<SourceLabel> out = new ArrayList<>();
          for (ListedSource s : find(c, ListedSource.Kind.CHANNEL, channels)) {
            out.add(new SourceLabel("@" + s.handle(), s.label(), s.note()));
          }
          for (ListedSource s : find(c, ListedSource.Kind.DOMAIN, domains)) {
            out.add(new SourceLabel(s.handle(), s.label(), s.note()));
          }
          return out;
        });
  }

  private static void addChannel(Set<String> channels, String username) {
    try {
      channels.add(ListedSource.normalize(ListedSource.Kind.CHANNEL, username));
    } catch (IllegalArgumentException e) {
      // not a username: nothing to look up
    }
  }

  private static List<ListedSource> find(Connection c, ListedSource.Kind kind, Set<String> handles)
      throws SQLException {
    if (handles.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, handle, name, label, note FROM source_entry WHERE kind = ? AND handle IN ("
                + String.join(", ", java.util.Collections.nCopies(handles.size(), "?")) + ") ORDER BY handle")) {
      ps.setString(1, kind.name());
      int i = 2;
      for (String h : handles) {
        ps.setString(i++, h);
      }
      return read(ps);
    }
  }

  private static List<ListedSource> read(PreparedStatement ps) throws SQLException {
    List<ListedSource> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ListedSource(
                ListedSource.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5)));
      }
    }
    return out;
  }
}
