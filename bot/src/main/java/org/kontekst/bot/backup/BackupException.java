package org.kontekst.bot.backup;

/** A backup that cannot be written or restored; the message names the line and what to do. */
public final class BackupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
