package org.kontekst.bot.command;

/**
 * How posts are checked.
 *
 * @param maxMatches articles shown at most
 * @param minScore the engine's calibrated threshold: matches below it are not shown
 * @param confidentScore the score from which a quiet group hears about a match
 */
public record CheckSettings(int maxMatches, double minScore, double confidentScore) {

  public CheckSettings {
    if (maxMatches < 1 || maxMatches > 10) {
      throw new IllegalArgumentException("maxMatches must be in [1,10]: " + maxMatches);
    }
    if (!(minScore >= 0 && minScore <= 1) || !(confidentScore >= minScore && confidentScore <= 1)) {
      throw new IllegalArgumentException(
          "need 0 <= minScore <= confidentScore <= 1: " + minScore + ", " + confidentScore);
    }
  }

  /** Three matches; quiet groups hear from a score a third of the way from the threshold to 1. */
  public static CheckSettings forThreshold(double threshold) {
    return new CheckSettings(3, threshold, threshold + (1 - threshold) / 3);
  }
}
