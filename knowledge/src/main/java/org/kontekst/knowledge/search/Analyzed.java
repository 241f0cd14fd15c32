package org.kontekst.knowledge.search;

import java.util.List;
import java.util.Set;

/**
 * A text as retrieval sees it.
 *
 * @param terms per content word, the lemmas it may be read as (stop words left out)
 * @param features language-neutral features: {@code e:} named entities and {@code c:} terms from
 *     the alias table, {@code n:} quantities, {@code k:} name skeletons
 * @param gloss an English rendering of the features, in text order, for the embedding model
 * @param cyrillic whether the text is mostly Cyrillic (so its own words cannot meet English text)
 * @param words how many words (not numbers, emoji or punctuation) the text has
 */
record Analyzed(
    List<List<String>> terms, Set<String> features, String gloss, boolean cyrillic, int words) {}
