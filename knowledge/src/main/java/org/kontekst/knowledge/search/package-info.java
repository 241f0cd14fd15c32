/**
 * Search and matching: analysis of uk/ru/en text (Lucene tokenizer, morfologik lemmas, Snowball
 * stems), the multilingual alias table, the Lucene index of published articles with their
 * embeddings, hybrid retrieval, scoring and passage selection. {@link
 * org.kontekst.knowledge.search.Retrieval} is the entry point. No storage writes and no wording
 * flags here.
 */
package org.kontekst.knowledge.search;
