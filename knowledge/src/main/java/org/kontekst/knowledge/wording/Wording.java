package org.kontekst.knowledge.wording;

import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** The factory for wording detectors: the one public way to build one. */
public final class Wording {
  private Wording() {}

  /** A detector over the bundled lexicon and people registry. Loading takes a few milliseconds. */
  public static WordingDetector standard() {
    return LexiconDetector.compile(LexiconFiles.entries(), new PersonNames(LexiconFiles.people()));
  }

  /**
   * A detector over the bundled lexicon plus the curator entries stored in {@code dataSource}
   * (table {@code lexicon_entry}, created by the store's migrations).
   */
  public static CuratedLexicon withStore(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new CuratedDetector(LexiconFiles.entries(), new PersonNames(LexiconFiles.people()),
        new LexiconRepository(dataSource));
  }

  /** A detector over the given entries only, with the bundled people registry; for tests and benchmarks. */
  static LexiconDetector of(List<LexiconEntry> entries) {
    return LexiconDetector.compile(entries, new PersonNames(LexiconFiles.people()));
  }
}
