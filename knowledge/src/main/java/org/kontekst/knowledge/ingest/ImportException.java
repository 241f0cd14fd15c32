package org.kontekst.knowledge.ingest;

/**
 * Input that cannot become an article. The message says what is wrong and what to do instead; the
 * line is 1-based, or 0 when the problem concerns the whole input (its size, its encoding).
 */
public final class ImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  public ImportException(int line, String message) {
    super(message);
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative: " + line);
    }
    this.line = line;
  }

  public int line() {
    return line;
  }

  /** "line 3: message", or the message alone when the whole input is concerned. */
  public String describe() {
    return line == 0 ? getMessage() : "line " + line + ": " + getMessage();
  }
}
