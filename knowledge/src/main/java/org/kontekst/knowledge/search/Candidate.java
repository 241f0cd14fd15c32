package org.kontekst.knowledge.search;

/**
 * An article found for a query (by id), with the signals retrieval measured.
 *
 * @param conceptCoverage idf-weighted share of the query's language-neutral features (concepts,
 *     quantities, names) that the article has, in [0, 1]
 * @param termCoverage idf-weighted share of the query's content words that the article has
 * @param similarity cosine between the query's and the article's embeddings, in [-1, 1]
 * @param conceptMass the idf sum of the matched features (how much specific evidence there is)
 * @param termMass the idf sum of the matched content words
 * @param entityMass the idf sum of the matched named entities (people, places, organisations,
 *     events)
 * @param missingEntityMass the idf sum of the post's named entities the article does not have
 */
public record Candidate(
    String id,
    double conceptCoverage,
    double termCoverage,
    double similarity,
    double conceptMass,
    double termMass,
    double entityMass,
    double missingEntityMass) {}
