package org.kontekst.knowledge.store;

/** A failure of the database itself (not of the data put in it). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
