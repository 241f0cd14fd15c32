package org.kontekst.knowledge.check;

/** Turns one post into one report. The single road every post travels, from the bot or the CLI. */
public interface Checker {

  /**
   * Checks a post.
   *
   * @param maxMatches how many matches to return at most
   * @param minScore the confidence below which matches are dropped; {@code 0} lists the top
   *     {@code maxMatches} whatever their score
   * @throws InvalidPostException when the post cannot be checked (empty, too long, binary)
   */
  Report check(Post post, int maxMatches, double minScore);
}
