package org.kontekst.bot.curation;

import java.util.List;
import java.util.Objects;

/**
 * A curation request that cannot be carried out as asked (no such article, not pending, a bad
 * value). {@code key} names the interface text that explains it ({@code curation.error.KEY}), with
 * {@code args} for its placeholders; the message says the same in English for logs and tests.
 */
public final class CurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final List<String> args;

  public CurationException(String key, String message, String... args) {
    super(message);
    this.key = Objects.requireNonNull(key, "key");
    this.args = List.of(args);
  }

  public String key() {
    return key;
  }

  public List<String> args() {
    return args;
  }
}
