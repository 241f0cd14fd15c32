package org.kontekst.knowledge.wording;

import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** The factory for wording detectors: the one public way to build one. */
public final class Wording {
  private Wording() {}

  /** The bundled lexicon and people registry, read once per process: both are immutable. */
  private static final class Bundled {
    static final List<LexiconEntry> ENTRIES = List.copyOf(LexiconFiles.entries());
    static final PersonNames PEOPLE = new PersonNames(LexiconFiles.people());
  }

  /**
   * Reads the bundled lexicon and people registry now (about 0.25 s in a fresh JVM), so that a
   * caller can do it beside other start-up work; detectors built later reuse them.
   */
  public static void preload() {
    Objects.requireNonNull(Bundled.PEOPLE);
  }

  /** A detector over the bundled lexicon and people registry. */
  public static WordingDetector standard() {
    return LexiconDetector.compile(Bundled.ENTRIES, Bundled.PEOPLE);
  }

  /**
   * A detector over the bundled lexicon plus the curator entries stored in {@code dataSource}
   * (table {@code lexicon_entry}, created by the store's migrations).
   */
  public static CuratedLexicon withStore(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new CuratedDetector(Bundled.ENTRIES, Bundled.PEOPLE,
        new LexiconRepository(dataSource));
  }

  /** A detector over the given entries only, with the bundled people registry; for tests and benchmarks. */
  static LexiconDetector of(List<LexiconEntry> entries) {
    return LexiconDetector.compile(entries, Bundled.PEOPLE);
  }
}
