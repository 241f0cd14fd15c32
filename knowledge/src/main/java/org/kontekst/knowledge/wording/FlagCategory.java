package org.kontekst.knowledge.wording;

import java.util.Locale;

/** The kinds of loaded wording Kontekst flags, as defined in the project's wording principles. */
public enum FlagCategory {
  MISNAMING,
  EUPHEMISM,
  PEJORATIVE,
  EMOTIVE;

  /** The lower-case name used in JSON and data files ("misnaming"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FlagCategory parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "category must be one of misnaming, euphemism, pejorative, emotive: " + value, e);
    }
  }
}
