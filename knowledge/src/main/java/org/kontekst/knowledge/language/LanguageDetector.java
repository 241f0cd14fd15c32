package org.kontekst.knowledge.language;

/** Tells the language of a text. Implementations are thread-safe. */
public interface LanguageDetector {

  /**
   * Returns an ISO 639-1 code ("en", "uk", "ru", "de", ...) or "und" when the text gives too little
   * evidence.
   */
  String detect(String text);
}
