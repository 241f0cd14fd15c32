package org.kontekst.bot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import org.kontekst.bot.command.AdminCheck;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Asks Telegram (getChatMember) whether someone administers a group; remembers it for a minute. */
public final class ChatAdmins implements AdminCheck {
  private record Key(long chatId, long userId) {}

  private final TelegramClient client;
  private final Cache<Key, Boolean> cache =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  public ChatAdmins(TelegramClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public boolean isAdmin(long chatId, long userId) {
    return cache.get(new Key(chatId, userId), k -> ask(k.chatId(), k.userId()));
  }

  private boolean ask(long chatId, long userId) {
    try {
      ChatMember member = client.execute(new GetChatMember(Long.toString(chatId), userId));
      String status = member == null ? "" : member.getStatus();
      return "creator".equals(status) || "administrator".equals(status);
    } catch (TelegramApiException e) {
      throw new IllegalStateException("cannot ask Telegram who administers chat " + chatId, e);
    }
  }
}
