package org.kontekst.bot.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.store.Transactions;
import org.kontekst.knowledge.wording.Flag;
import org.kontekst.knowledge.store.StoreException;
import org.kontekst.knowledge.store.Transactions;

/**
 * Aggregate usage for /stats ({@code stats_*} tables): per day and post language, checks and
 * matches; per day, how often each article matched and each lexicon term was flagged. Nothing
 * about who checked what.
 */
public final class UsageStats {
  private static final int MAX_TERM = 100;

  private final DataSource db;
  private final Clock clock;

  public UsageStats(DataSource db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Counts one checked post, in one transaction. Instances that share a database can both find no
   * row for a new day and both insert it; the loser counts again, and then finds the row.
   */
  public synchronized void checked(Report report) {
    try {
      count(report);
    } catch (StoreException e) {
      if (!(e.getCause() instanceof SQLException s) || !"23505".equals(s.getSQLState())) {
        throw e;
      }
      count(report);
    }
  }

  private void count(Report report) {
    LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    String language = report.language().length() > 8 ? report.language().substring(0, 8) : report.language();
    Transactions.inTransaction(
        db,
        "count a check",
        c -> {
          bump(c, "UPDATE stats_daily SET checks = checks + 1, matched = matched + ? WHERE stat_day = ? AND language = ?",
              "INSERT INTO stats_daily (checks, matched, stat_day, language) VALUES (1, ?, ?, ?)",
              report.hasMatch() ? 1 : 0, day, language);
          Set<String> articles = new LinkedHashSet<>();
          for (Match m : report.matches()) {
            articles.add(m.article());
          }
          for (String article : articles) {
            bump(c, "UPDATE stats_article_daily SET matches = matches + ? WHERE stat_day = ? AND article_id = ?",
                "INSERT INTO stats_article_daily (matches, stat_day, article_id) VALUES (?, ?, ?)", 1, day, article);
          }
          Set<String> flags = new LinkedHashSet<>();
          for (Flag f : report.flags()) {
            String term = f.text().strip().toLowerCase(Locale.ROOT);
            flags.add(f.category().label() + "\t" + (term.length() > MAX_TERM ? term.substring(0, MAX_TERM) : term));
          }
          for (String flag : flags) {
            String[] parts = flag.split("\t", 2);
            bump(c,
                "UPDATE stats_flag_daily SET flags = flags + ? WHERE stat_day = ? AND language = ? AND category = ? AND term = ?",
                "INSERT INTO stats_flag_daily (flags, stat_day, language, category, term) VALUES (?, ?, ?, ?, ?)",
                1, day, language, parts[0], parts[1]);
          }
          return null;
        });
  }

  private static void bump(Connection c, String update, String insert, int amount, Object... key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(update)) {
      ps.setInt(1, amount);
      for (int i = 0; i < key.length; i++) {
        ps.setObject(i + 2, key[i]);
      }
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setInt(1, amount);
      for (int i = 0; i < key.length; i++) {
        ps.setObject(i + 2, key[i]);
      }
      ps.executeUpdate();
    }
  }

  /** Checks and matches of one post language over the period; per day, oldest first. */
  public record LanguageUsage(String language, long checks, long matched, Map<LocalDate, Long> perDay) {
    public LanguageUsage {
      perDay = Map.copyOf(perDay);
    }

    public double matchRate() {
      return checks == 0 ? 0 : matched / (double) checks;
    }
  }

  /** A name (article id or "category: term") and its count. */
  public record Count(String name, long count) {}

  /** Everything /stats shows for the last {@code days} days, today included. */
  public record Summary(int days, List<LanguageUsage> languages, List<Count> articles, List<Count> flags) {
    public Summary {
      languages = List.copyOf(languages);
      articles = List.copyOf(articles);
      flags = List.copyOf(flags);
    }
  }

  public Summary summary(int days, int top) {
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("days must be in [1,366]: " + days);
    }
    LocalDate from = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(days - 1L);
    return Transactions.inTransaction(
        db,
        "read statistics",
        c -> {
          Map<String, long[]> totals = new LinkedHashMap<>();
          Map<String, Map<LocalDate, Long>> perDay = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT language, stat_day, checks, matched FROM stats_daily WHERE stat_day >= ? ORDER BY language, stat_day")) {
            ps.setObject(1, from);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long[] t = totals.computeIfAbsent(rs.getString(1), k -> new long[2]);
                t[0] += rs.getLong(3);
                t[1] += rs.getLong(4);
                perDay.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                    .put(rs.getObject(2, LocalDate.class), rs.getLong(3));
              }
            }
          }
          List<LanguageUsage> languages = new ArrayList<>();
          totals.forEach((l, t) -> languages.add(new LanguageUsage(l, t[0], t[1], perDay.get(l))));
          languages.sort((a, b) -> Long.compare(b.checks(), a.checks()));
          return new Summary(
              days,
              languages,
              top(c, "SELECT article_id, SUM(matches) n FROM stats_article_daily WHERE stat_day >= ?"
                  + " GROUP BY article_id ORDER BY n DESC, article_id LIMIT ?", from, top),
              top(c, "SELECT category || ': ' || term, SUM(flags) n FROM stats_flag_daily WHERE stat_day >= ?"
                  + " GROUP BY category, term ORDER BY n DESC, 1 LIMIT ?", from, top));
        });
  }

  private static List<Count> top(Connection c, String sql, LocalDate from, int top) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, from);
      ps.setInt(2, top);
      List<Count> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Count(rs.getString(1), rs.getLong(2)));
        }
      }
      return out;
    }
  }
}
