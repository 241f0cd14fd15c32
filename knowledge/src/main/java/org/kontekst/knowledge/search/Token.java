package org.kontekst.knowledge.search;

/**
 * One word or number of a text: its lower-cased, normalized surface form, its span in the folded
 * text (see {@link Tokenizer#fold}), its script, whether it was written with a capital letter and
 * whether it was written in capitals throughout ("НАТО", "SMO").
 */
record Token(
    String surface, int start, int end, Script script, boolean capitalized, boolean upperCase) {

  /** The writing system of a token, which decides how it is stemmed. */
  enum Script {
    LATIN,
    CYRILLIC,
    NUMBER,
    OTHER
  }
}
