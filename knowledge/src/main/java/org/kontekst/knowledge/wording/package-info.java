/**
 * Loaded wording: the lexicon, the misnaming registry and the detector that turns a post into
 * {@link org.kontekst.knowledge.wording.Flag}s. No retrieval and no Telegram code.
 */
package org.kontekst.knowledge.wording;
