package org.kontekst.knowledge.check;

/** A post that cannot be checked; the message says what was wrong and what to send instead. */
public final class InvalidPostException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidPostException(String message) {
    super(message);
  }
}
