package org.kontekst.knowledge.search;

/**
 * Turns the retrieval signals of a candidate into two numbers: its relevance, which orders the
 * candidates, and its confidence in [0, 1], which decides whether a match is reported at all.
 *
 * <p>Both mix the lexical evidence (the share of the post's concepts, or for a post in the
 * article's script also of its words, that the article has) with the embedding similarity.
 * Relevance leans on similarity, which ranks best; confidence leans on the lexical evidence and is
 * lowered when the post names people, places, organisations or events the article never mentions,
 * the usual sign of a different story about the same actors. The few constants are general (no
 * term, article or case is special) and were chosen on the public development cases together with
 * the CLEF-2020 training split; the threshold sits in the middle of the range that meets the
 * quality bars there.
 */
final class Scoring {
  static final double THRESHOLD = 0.31;

  private static final double RELEVANCE_LEXICAL = 0.4;
  private static final double CONFIDENCE_LEXICAL = 0.6;
  private static final double EVIDENCE_HALF = 2.0;
  private static final double MISSING_ENTITY_WEIGHT = 0.5;
  /**
   * Below this much matched evidence (idf sum) nothing is confident, however high the coverage: a
   * post that only repeats a name everyone writes about ("Путин Путин ...") is about nothing.
   */
  static final double MIN_EVIDENCE = 1.5;

  double relevance(Candidate c, Analyzed query) {
    double evidence = evidence(c, query);
    return mix(c, query, RELEVANCE_LEXICAL) * evidence / (evidence + EVIDENCE_HALF);
  }

  double confidence(Candidate c, Analyzed query) {
    if (evidence(c, query) < MIN_EVIDENCE) return 0;
    double found = c.entityMass() + 1;
    double penalty = found / (found + MISSING_ENTITY_WEIGHT * Math.max(0, c.missingEntityMass()));
    return clamp(mix(c, query, CONFIDENCE_LEXICAL) * penalty);
  }

  private static double mix(Candidate c, Analyzed query, double lexicalWeight) {
    // Words of a Cyrillic post cannot meet an English article's words, so only concepts count.
    double lexical =
        query.cyrillic() ? c.conceptCoverage() : Math.max(c.conceptCoverage(), c.termCoverage());
    return lexicalWeight * lexical + (1 - lexicalWeight) * Math.max(0, c.similarity());
  }

  private static double evidence(Candidate c, Analyzed query) {
    return c.conceptMass() + (query.cyrillic() ? 0 : c.termMass());
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  double threshold() {
    return THRESHOLD;
  }
}
