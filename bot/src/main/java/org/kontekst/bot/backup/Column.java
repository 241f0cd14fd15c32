package org.kontekst.bot.backup;

import java.util.Objects;

/**
 * One column of a backed-up table and how its value is written in JSON: {@code TEXT} (a string),
 * {@code LONG}, {@code INT}, {@code DOUBLE}, {@code BOOLEAN}, {@code TIMESTAMP} (an ISO-8601
 * instant, for {@code TIMESTAMP WITH TIME ZONE}), {@code DATE} (yyyy-mm-dd) or {@code BYTES}
 * (base64). SQL NULL is JSON null. The JSON field is the column name.
 */
public record Column(String name, Kind kind) {

  /** How a value is read, written and bound. */
  public enum Kind {
    TEXT,
    LONG,
    INT,
    DOUBLE,
    BOOLEAN,
    TIMESTAMP,
    DATE,
    BYTES
  }

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("column name must be a lower-case SQL identifier: " + name);
    }
  }

  public static Column text(String name) {
    return new Column(name, Kind.TEXT);
  }

  public static Column number(String name) {
    return new Column(name, Kind.LONG);
  }

  public static Column timestamp(String name) {
    return new Column(name, Kind.TIMESTAMP);
  }
}
