package org.kontekst.knowledge.check;

import java.util.Objects;

/**
 * One post to check: its text, an optional language hint, and where it was forwarded from (a
 * channel title or user name as Telegram gave it), if anywhere.
 */
public record Post(String id, String text, String languageHint, String forwardedFrom) {

  /** Posts longer than this are refused: Telegram's own limit is 4,096 characters per message. */
  public static final int MAX_LENGTH = 20_000;

  public Post {
    Objects.requireNonNull(text, "text");
    id = id == null ? "" : id;
    languageHint = languageHint == null ? "" : languageHint;
    forwardedFrom = forwardedFrom == null ? "" : forwardedFrom;
  }

  public static Post of(String text) {
    return new Post("", text, "", "");
  }
}
