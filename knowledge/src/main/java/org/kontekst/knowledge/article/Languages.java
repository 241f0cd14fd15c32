package org.kontekst.knowledge.article;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Language codes as Kontekst uses them: ISO 639-1 lower case ("en", "uk", "ru", "de"), or
 * {@link #UNKNOWN} when no language could be told.
 */
public final class Languages {
  public static final String UNKNOWN = "und";
  public static final String ENGLISH = "en";
  public static final String UKRAINIAN = "uk";
  public static final String RUSSIAN = "ru";

  /** The languages that have full analysis: lemmas or stems and a lexicon. */
  public static final Set<String> ANALYSED = Set.of(ENGLISH, UKRAINIAN, RUSSIAN);

  private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

  private Languages() {}

  /** Normalizes a code ("EN", " uk ") and rejects anything that is not a two- or three-letter code. */
  public static String require(String code) {
    if (code == null || code.isBlank()) {
      return UNKNOWN;
    }
    String normalized = code.strip().toLowerCase(Locale.ROOT);
    int dash = normalized.indexOf('-');
    if (dash > 0) {
      normalized = normalized.substring(0, dash);
    }
    if (!CODE.matcher(normalized).matches() || !KNOWN.contains(normalized)) {
      String hint = normalized.equals("ua") ? " (Ukrainian is uk; UA is the country)" : "";
      throw new IllegalArgumentException("language must be an ISO 639 code such as en, uk or ru: " + code + hint);
    }
    return normalized;
  }

  /** ISO 639-1 codes, their ISO 639-2 forms, and {@link #UNKNOWN}. */
  private static final Set<String> KNOWN = known();

  private static Set<String> known() {
    Set<String> codes = new java.util.HashSet<>();
    codes.add(UNKNOWN);
    for (String two : Locale.getISOLanguages()) {
      codes.add(two);
      try {
        codes.add(new Locale(two).getISO3Language());
      } catch (java.util.MissingResourceException e) {
        // a two-letter code without a three-letter form
      }
    }
    return Set.copyOf(codes);
  }
}
