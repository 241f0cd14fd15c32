package org.kontekst.bot.chat;

/** How much the bot says in a group. */
public enum GroupMode {
  /** Speaks only on a confident match or a misnaming, pejorative or euphemism flag. */
  QUIET,
  /** Answers every forwarded post, including "nothing found". */
  VERBOSE,
  /** Checks nothing; only /settings works. */
  OFF
}
