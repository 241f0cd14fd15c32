package org.kontekst.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kontekst.bot.chat.CallbackIn;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.Content;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.chat.Origin;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOrigin;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOriginChannel;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOriginChat;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOriginHiddenUser;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOriginUser;

/**
 * Turns Telegram messages and button presses into {@code chat} values. Any field may be missing
 * in what arrives; what cannot be used becomes empty, never an exception.
 */
final class UpdateMapper {
  private UpdateMapper() {}

  static Optional<Incoming> incoming(Message message) {
    if (message == null || message.getChat() == null || message.getMessageId() == null) {
      return Optional.empty();
    }
    Chat chat = message.getChat();
    User from = message.getFrom();
    if (chat.getId() == null || (from == null && message.getSenderChat() == null)) {
      return Optional.empty();
    }
    ChatKind kind = ChatKind.ofTelegramType(chat.getType());
    boolean anonymousAdmin =
        message.getSenderChat() != null && chat.getId().equals(message.getSenderChat().getId());
    long userId = from != null && from.getId() != null ? from.getId() : chat.getId();
    return Optional.of(
        new Incoming(
            chat.getId(),
            kind,
            userId,
            from == null ? "" : from.getLanguageCode(),
            content(message),
            message.getReplyToMessage() == null ? null : content(message.getReplyToMessage()),
            anonymousAdmin));
  }

  static Optional<CallbackIn> callback(CallbackQuery query) {
    if (query == null || query.getId() == null || query.getFrom() == null || query.getFrom().getId() == null) {
      return Optional.empty();
    }
    MaybeInaccessibleMessage carrier = query.getMessage();
    if (carrier == null || carrier.getChat() == null || carrier.getChatId() == null) {
      return Optional.empty();
    }
    Content repliedTo = null;
    if (carrier instanceof Message message && message.getReplyToMessage() != null) {
      repliedTo = content(message.getReplyToMessage());
    }
    return Optional.of(
        new CallbackIn(
            query.getId(),
            carrier.getChatId(),
            ChatKind.ofTelegramType(carrier.getChat().getType()),
            query.getFrom().getId(),
            query.getFrom().getLanguageCode(),
            carrier.getMessageId() == null ? 0 : carrier.getMessageId(),
            query.getData(),
            repliedTo));
  }

  static Content content(Message message) {
    String text = message.getText() != null ? message.getText() : message.getCaption();
    boolean media =
        message.hasPhoto()
            || message.hasVideo()
            || message.hasDocument()
            || message.hasAnimation()
            || message.hasAudio()
            || message.hasVoice();
    // A channel's own posts copied into its discussion group are not something a member shared.
    boolean automatic = Boolean.TRUE.equals(message.getIsAutomaticForward());
    Origin origin = automatic ? null : origin(message.getForwardOrigin());
    int id = message.getMessageId() == null ? 0 : message.getMessageId();
    return new Content(id, text, origin, media, links(text, entities(message)));
  }

  /**
   * The entities of the text, or of the caption. The library computes each entity's text as it
   * hands them out and throws on an offset outside the text, which Telegram never sends but a
   * hostile Bot API server might: then the message counts as having none.
   */
  private static List<MessageEntity> entities(Message message) {
    try {
      return message.getText() != null ? message.getEntities() : message.getCaptionEntities();
    } catch (IndexOutOfBoundsException e) {
      return List.of();
    }
  }

  /**
   * The URLs of a message's link entities: a hidden link's ({@code text_link}) target, which the
   * text does not show, and the links Telegram found in the text ({@code url}). Offsets are in
   * UTF-16 code units, as Java strings count; an entity that does not fit the text is skipped.
   */
  static List<String> links(String text, List<MessageEntity> entities) {
    if (entities == null || entities.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (MessageEntity e : entities) {
      if (out.size() >= Content.MAX_LINKS) {
        break;
      }
      if (e == null || e.getType() == null) {
        continue;
      }
      if (e.getType().equals("text_link") && e.getUrl() != null && !e.getUrl().isBlank()) {
        out.add(e.getUrl());
      } else if (e.getType().equals("url") && text != null && e.getOffset() != null && e.getLength() != null) {
        int start = e.getOffset();
        int end = start + e.getLength();
        if (start >= 0 && e.getLength() > 0 && end <= text.length()) {
          out.add(text.substring(start, end));
        }
      }
    }
    return out;
  }

  static Origin origin(MessageOrigin origin) {
    if (origin instanceof MessageOriginChannel channel) {
      Chat c = channel.getChat();
      return new Origin(Origin.Kind.CHANNEL, c == null ? "" : c.getTitle(), c == null ? "" : c.getUserName());
    }
    if (origin instanceof MessageOriginChat chat) {
      Chat c = chat.getSenderChat();
      return new Origin(Origin.Kind.CHAT, c == null ? "" : c.getTitle(), c == null ? "" : c.getUserName());
    }
    if (origin instanceof MessageOriginUser user) {
      User u = user.getSenderUser();
      if (u == null) {
        return new Origin(Origin.Kind.USER, "", "");
      }
      String name = (nullToEmpty(u.getFirstName()) + " " + nullToEmpty(u.getLastName())).strip();
      return new Origin(Origin.Kind.USER, name, u.getUserName());
    }
    if (origin instanceof MessageOriginHiddenUser hidden) {
      return new Origin(Origin.Kind.HIDDEN_USER, hidden.getSenderUserName(), "");
    }
    return null;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
