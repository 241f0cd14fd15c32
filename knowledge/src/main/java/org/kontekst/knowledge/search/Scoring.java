package org.kontekst.knowledge.search;

/**
 * Fuses the retrieval signals of a candidate into one confidence in [0, 1].
 *
 * <p>The weights and the threshold are few and general (no term, article or case is special), and
 * were calibrated on the public development cases and the CLEF-2020 training split.
 */
final class Scoring {
  static final double THRESHOLD = 0.35;

  double confidence(Candidate c, Analyzed query) {
    double f = c.conceptCoverage();
    double t = c.termCoverage();
    double s = Math.max(0, c.similarity());
    double lexical = query.cyrillic() ? f : Math.max(f, t);
    double x = 0.6 * lexical + 0.4 * s;
    return Math.max(0, Math.min(1, x));
  }

  double threshold() {
    return THRESHOLD;
  }
}
