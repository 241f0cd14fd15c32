package org.kontekst.knowledge.wording;

import java.time.Instant;
import java.util.Objects;

/** A lexicon entry a curator added at runtime, as stored in the database. */
public record CuratedEntry(long id, LexiconEntry entry, String curator, Instant added) {
  public CuratedEntry {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(added, "added");
    curator = curator == null ? "" : curator;
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive: " + id);
    }
  }
}
