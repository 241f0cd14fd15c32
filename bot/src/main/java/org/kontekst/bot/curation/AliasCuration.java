package org.kontekst.bot.curation;

import java.util.List;
import org.kontekst.knowledge.search.AliasEntry;
import org.kontekst.knowledge.search.CuratedAliases;

/** The curators' aliases: every add and remove takes effect for the next post. */
public interface AliasCuration {

  /** Stores an alias and reloads the alias table; returns its id. */
  long add(AliasEntry entry, String curator);

  /** Removes an alias and reloads the alias table; false when there is none with that id. */
  boolean remove(long id);

  List<CuratedAliases.Stored> list();

  /** No alias table to change: for tools and tests that do not curate aliases. */
  static AliasCuration none() {
    return new AliasCuration() {
      @Override
      public long add(AliasEntry entry, String curator) {
        throw new UnsupportedOperationException("no alias table here");
      }

      @Override
      public boolean remove(long id) {
        return false;
      }

      @Override
      public List<CuratedAliases.Stored> list() {
        return List.of();
      }
    };
  }
}
