package org.kontekst.knowledge.wording;

import java.util.List;

/** Finds loaded wording in a post. Implementations are thread-safe. */
public interface WordingDetector {

  /**
   * Returns the flags in {@code text}, ordered by start offset, never overlapping.
   *
   * @param language the detected language of the whole post ("en", "uk", "ru", "und", ...); a
   *     detector may refine it sentence by sentence
   */
  List<Flag> detect(String text, String language);

  /** A detector that flags nothing, for configurations without a lexicon. */
  static WordingDetector none() {
    return (text, language) -> List.of();
  }
}
