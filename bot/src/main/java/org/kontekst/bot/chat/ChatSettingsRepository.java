package org.kontekst.bot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;
import org.kontekst.knowledge.store.Revisions;
import org.kontekst.knowledge.store.StoreException;
import org.kontekst.knowledge.store.Transactions;

/**
 * Per-chat settings in the database ({@code tg_chat_settings}), read through a small cache because
 * every update needs them. A save bumps their revision, and instances sharing the database drop
 * their caches ({@link #invalidateAll}).
 */
public final class ChatSettingsRepository {
  private final DataSource db;
  private final Cache<Long, ChatSettings> cache;

  public ChatSettingsRepository(DataSource db, Ticker ticker) {
    this.db = Objects.requireNonNull(db, "db");
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .ticker(ticker)
            .build();
  }

  public ChatSettings find(long chatId) {
    return cache.get(chatId, this::load);
  }

  private ChatSettings load(long chatId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT mode, language FROM tg_chat_settings WHERE chat_id = ?")) {
      ps.setLong(1, chatId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return ChatSettings.DEFAULT;
        }
        String language = rs.getString(2);
        return new ChatSettings(
            GroupMode.valueOf(rs.getString(1)),
            language == null ? null : InterfaceLanguage.ofCode(language));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read settings of chat " + chatId + ": " + e.getMessage(), e);
    }
  }

  public void save(long chatId, ChatSettings settings) {
    String sql =
        "MERGE INTO tg_chat_settings t USING (VALUES (?, ?, ?, ?)) AS s(chat_id, mode, language, updated_at)"
            + " ON t.chat_id = s.chat_id"
            + " WHEN MATCHED THEN UPDATE SET mode = s.mode, language = s.language, updated_at = s.updated_at"
            + " WHEN NOT MATCHED THEN INSERT (chat_id, mode, language, updated_at)"
            + " VALUES (s.chat_id, s.mode, s.language, s.updated_at)";
    Transactions.inTransaction(
        db,
        "save settings of chat " + chatId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, chatId);
            ps.setString(2, settings.mode().name());
            ps.setString(3, settings.language() == null ? null : settings.language().code());
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
          }
          Revisions.bump(c, Revisions.CHAT_SETTINGS);
          return null;
        });
    cache.put(chatId, settings);
  }

  /**
   * Forgets every cached setting: another instance that shares the database changed one (the
   * revision says that something changed, not which chat's).
   */
  public void invalidateAll() {
    cache.invalidateAll();
  }
}
