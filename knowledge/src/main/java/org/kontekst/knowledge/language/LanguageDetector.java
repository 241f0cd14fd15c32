package org.kontekst.knowledge.language;

/**
 * Tells the language of a text as a code from {@link org.kontekst.knowledge.article.Languages}:
 * "en", "uk", "ru", "de", "es", "fr", "it", "pt", "pl", "nl", a code for a non-Latin, non-Cyrillic
 * script ("el", "ka", "zh"...), or "und" when there is too little evidence.
 *
 * <p>Implementations are thread-safe and never throw for any non-null text.
 */
public interface LanguageDetector {

  /** Returns the language code of {@code text}, or "und". */
  String detect(String text);

  /**
   * The detector Kontekst uses: script first, then letter and frequent-word evidence. It needs no
   * model files and answers in microseconds, so it may run on every post and every imported article.
   */
  static LanguageDetector standard() {
    return new EvidenceLanguageDetector();
  }
}
