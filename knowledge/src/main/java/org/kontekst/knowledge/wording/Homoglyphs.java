package org.kontekst.knowledge.wording;

/**
 * The table of Latin, Cyrillic and Greek letters that look alike, used to undo mixed-script
 * evasion ("укрoнацисты" with a Latin o, "Vоlodymyr" with a Cyrillic о).
 *
 * <p>Only letters that are easy to confuse on screen are listed: a look-alike map that is too
 * generous would turn real Latin words into Cyrillic ones.
 */
final class Homoglyphs {
  /** Pairs of (Latin, Cyrillic) look-alikes, lower and upper case. */
  private static final String[] PAIRS = {
    "aа", "cс", "eе", "oо", "pр", "xх", "yу", "kк", "iі", "jј", "sѕ", "ïї",
    "AА", "BВ", "CС", "EЕ", "HН", "IІ", "KК", "MМ", "OО", "PР", "TТ", "XХ", "YУ", "ÏЇ"
  };

  /** Greek look-alikes, which belong to neither script and follow the word they sit in. */
  private static final String[] GREEK = {
    "οoо", "αaа", "εeе", "ρpр", "κkк", "ιiі", "ΑAА", "ΒBВ", "ΕEЕ", "ΗHН", "ΙIІ", "ΚKК", "ΜMМ",
    "ΟOО", "ΡPР", "ΤTТ", "ΧXХ", "ΥYУ"
  };

  /** Every listed letter lies below this code point, so plain arrays serve as the tables. */
  private static final int LIMIT = 0x500;

  private static final char[] TO_LATIN = new char[LIMIT];
  private static final char[] TO_CYRILLIC = new char[LIMIT];

  static {
    for (String pair : PAIRS) {
      TO_LATIN[pair.charAt(1)] = pair.charAt(0);
      TO_CYRILLIC[pair.charAt(0)] = pair.charAt(1);
    }
    for (String triple : GREEK) {
      TO_LATIN[triple.charAt(0)] = triple.charAt(1);
      TO_CYRILLIC[triple.charAt(0)] = triple.charAt(2);
    }
  }

  private Homoglyphs() {}

  /** Whether the letter has a look-alike in the other script, so it cannot tell the script. */
  static boolean ambiguous(int codePoint) {
    return codePoint < LIMIT && (TO_LATIN[codePoint] != 0 || TO_CYRILLIC[codePoint] != 0);
  }

  /** The letter written in the given script, or the letter itself when it has no look-alike. */
  static int inScript(int codePoint, boolean cyrillic) {
    if (codePoint >= LIMIT) {
      return codePoint;
    }
    char mapped = cyrillic ? TO_CYRILLIC[codePoint] : TO_LATIN[codePoint];
    return mapped == 0 ? codePoint : mapped;
  }
}
