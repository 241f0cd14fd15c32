package org.kontekst.knowledge.wording;

import java.util.List;

/**
 * A wording detector whose lexicon curators extend at runtime. Additions and removals take effect
 * for the next post, without a restart. Implementations are thread-safe.
 */
public interface CuratedLexicon extends WordingDetector {

  /**
   * Stores a new entry and starts flagging it.
   *
   * @param curator who added it, for the record (a Telegram user name or id)
   * @throws IllegalArgumentException when the entry is invalid
   */
  CuratedEntry add(LexiconEntry entry, String curator);

  /** Removes a curator-added entry; returns false when there is none with that id. */
  boolean remove(long id);

  /** The curator-added entries, oldest first. The bundled lexicon is not listed. */
  List<CuratedEntry> list();

  /** Re-reads the curator entries from the database, for writes made by another process. */
  void reload();
}
