package org.kontekst.bot.chat;

import java.util.Objects;

/**
 * Where a forwarded post came from, as Telegram's {@code forward_origin} tells it.
 *
 * @param name a channel or chat title, a user's name, or a hidden user's display name
 * @param username the public @username without "@", or empty
 */
public record Origin(Kind kind, String name, String username) {

  /** The {@code forward_origin} types. */
  public enum Kind {
    CHANNEL,
    CHAT,
    USER,
    HIDDEN_USER
  }

  public Origin {
    Objects.requireNonNull(kind, "kind");
    name = name == null ? "" : name.strip();
    username = username == null ? "" : username.strip();
  }

  /** "Title (@username)", "Title", or "@username": how the reply names the source. */
  public String display() {
    if (username.isEmpty()) {
      return name;
    }
    return name.isEmpty() ? "@" + username : name + " (@" + username + ")";
  }
}
