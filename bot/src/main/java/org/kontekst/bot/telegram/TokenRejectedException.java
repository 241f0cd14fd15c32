package org.kontekst.bot.telegram;

/** The Bot API server refused the token (401 or 404 on getMe). */
public final class TokenRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  public TokenRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
