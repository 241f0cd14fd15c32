package org.kontekst.bot.chat;

/** The kinds of chat the bot behaves differently in. */
public enum ChatKind {
  PRIVATE,
  /** A group or a supergroup. */
  GROUP,
  /** Channels and anything else: the bot does not speak there. */
  OTHER;

  /** Maps Telegram's chat type ("private", "group", "supergroup", "channel"). */
  public static ChatKind ofTelegramType(String type) {
    if (type == null) {
      return OTHER;
    }
    return switch (type) {
      case "private" -> PRIVATE;
      case "group", "supergroup" -> GROUP;
      default -> OTHER;
    };
  }
}
