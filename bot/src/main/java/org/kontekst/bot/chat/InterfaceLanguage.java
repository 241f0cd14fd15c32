package org.kontekst.bot.chat;

import java.util.Locale;
import java.util.Optional;

/** The languages the bot speaks in: its interface, independent of the language of a post. */
public enum InterfaceLanguage {
  EN("en", Locale.ENGLISH),
  UK("uk", Locale.forLanguageTag("uk"));

  private final String code;
  private final Locale locale;

  InterfaceLanguage(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  /** From a Telegram {@code language_code} such as "uk" or "en-GB": Ukrainian for uk, else English. */
  public static InterfaceLanguage fromTelegram(String languageCode) {
    if (languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("uk")) {
      return UK;
    }
    return EN;
  }

  /** Parses what a person typed after /lang: a code or the language's own name. */
  public static Optional<InterfaceLanguage> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "uk", "ua", "ukr", "українська", "укр" -> Optional.of(UK);
      case "en", "eng", "english", "англійська" -> Optional.of(EN);
      default -> Optional.empty();
    };
  }

  /** Parses a stored code ("en", "uk"), or throws. */
  public static InterfaceLanguage ofCode(String code) {
    for (InterfaceLanguage l : values()) {
      if (l.code.equals(code)) {
        return l;
      }
    }
    throw new IllegalArgumentException("interface language must be en or uk: " + code);
  }
}
