package org.kontekst.knowledge.wording;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bundled lexicon plus the curator layer. Every write recompiles the lexicon and swaps it in
 * atomically, so a post is always checked against one consistent lexicon and no reader waits.
 */
final class CuratedDetector implements CuratedLexicon {
  private final List<LexiconEntry> bundled;
  private final PersonNames people;
  private final LexiconRepository repository;
  private final AtomicReference<LexiconDetector> current = new AtomicReference<>();

  CuratedDetector(List<LexiconEntry> bundled, PersonNames people, LexiconRepository repository) {
    this.bundled = List.copyOf(bundled);
    this.people = people;
    this.repository = repository;
    reload();
  }

  @Override
  public List<Flag> detect(String text, String language) {
    return current.get().detect(text, language);
  }

  @Override
  public CuratedEntry add(LexiconEntry entry, String curator) {
    CuratedEntry stored = repository.insert(entry, curator);
    reload();
    return stored;
  }

  @Override
  public boolean remove(long id) {
    boolean removed = repository.delete(id);
    if (removed) {
      reload();
    }
    return removed;
  }

  @Override
  public List<CuratedEntry> list() {
    return repository.list();
  }

  @Override
  public synchronized void reload() {
    List<LexiconEntry> all = new ArrayList<>(bundled);
    for (CuratedEntry curated : repository.list()) {
      all.add(curated.entry());
    }
    current.set(LexiconDetector.compile(all, people));
  }
}
