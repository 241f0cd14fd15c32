/**
 * Loaded wording: the lexicon (bundled TSV files under {@code /wording/} plus curator entries in
 * the {@code lexicon_entry} table), the misnaming engine for people's names, and the detector that
 * turns a post into {@link org.kontekst.knowledge.wording.Flag}s with UTF-16 spans into the original
 * text. Build one through {@link org.kontekst.knowledge.wording.Wording}. Evasion (look-alike
 * letters, invisible characters, stretched or spaced-out letters) is undone in one normalization
 * pass; the term trie then walks the text once. No retrieval, no rendering of replies and no
 * Telegram code live here.
 */
package org.kontekst.knowledge.wording;
