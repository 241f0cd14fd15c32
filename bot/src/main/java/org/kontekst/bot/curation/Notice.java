package org.kontekst.bot.curation;

import java.util.Objects;

/** One notify-back message to send: the follow-up that a person asked for. */
public record Notice(long id, long chatId, String html) {
  public Notice {
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive: " + id);
    }
    Objects.requireNonNull(html, "html");
    if (html.isBlank()) {
      throw new IllegalArgumentException("a notice must not be blank");
    }
  }
}
