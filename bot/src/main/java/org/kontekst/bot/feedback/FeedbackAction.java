package org.kontekst.bot.feedback;

import java.util.Optional;

/** What a feedback button does; {@code code} is its one character in the callback data. */
public enum FeedbackAction {
  HELPFUL('h'),
  NOT_RELEVANT('n'),
  /** "Send to volunteers": asks for consent first. */
  VOLUNTEERS('v'),
  /** Consent given: send, and tell me about the answer. */
  SEND_AND_NOTIFY('y'),
  /** Send without telling me. */
  SEND_QUIETLY('q'),
  CANCEL('c');

  private final char code;

  FeedbackAction(char code) {
    this.code = code;
  }

  public char code() {
    return code;
  }

  static Optional<FeedbackAction> ofCode(char code) {
    for (FeedbackAction a : values()) {
      if (a.code == code) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
