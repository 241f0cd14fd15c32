package org.kontekst.bot.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.store.StoreException;

/**
 * The replies that carry feedback buttons ({@code tg_reply}): which articles matched and how
 * well, never the post. The buttons refer to a reply by its id.
 */
public final class ReplyLog {
  private final DataSource db;
  private final Clock clock;

  public ReplyLog(DataSource db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records a reply and returns its id. */
  public long record(ChatKind chatKind, InterfaceLanguage language, Report report) {
    String ids = report.matches().stream().map(Match::article).collect(Collectors.joining("\n"));
    if (ids.length() > 4000) {
      ids = ids.substring(0, ids.lastIndexOf('\n', 4000) < 0 ? 4000 : ids.lastIndexOf('\n', 4000));
    }
    String sql =
        "INSERT INTO tg_reply (created_at, chat_kind, language, article_ids, top_score, flag_count)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      ps.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      ps.setString(2, chatKind.name());
      ps.setString(3, language.code());
      ps.setString(4, ids);
      if (report.hasMatch()) {
        ps.setDouble(5, report.matches().get(0).score());
      } else {
        ps.setNull(5, Types.DOUBLE);
      }
      ps.setInt(6, report.flags().size());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record a reply: " + e.getMessage(), e);
    }
  }

  /** When the reply was made, or empty if there is no such reply. */
  public Optional<Instant> createdAt(long replyId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT created_at FROM tg_reply WHERE id = ?")) {
      ps.setLong(1, replyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant())
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read reply " + replyId + ": " + e.getMessage(), e);
    }
  }
}
