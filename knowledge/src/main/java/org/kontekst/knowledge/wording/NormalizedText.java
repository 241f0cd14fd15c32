package org.kontekst.knowledge.wording;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post reduced to the letters that matter for matching, each mapped back to the original
 * characters it came from.
 *
 * <p>Evasion is undone here, once, so that the matchers see plain lower-case words: invisible
 * characters (zero-width spaces, soft hyphens, joiners) and stress marks vanish; look-alike letters
 * from the other script are mapped to the script of the word they sit in. Stretched letters
 * ("ррашисты") are kept: the matcher skips repeats, so that "Donbas" stays different from "Donbass".
 * What lay between two letters is kept as a {@link #gap} so that the matchers can decide whether a
 * space, a hyphen or a dot there ends a word. Offsets are UTF-16, as in the original string.
 */
final class NormalizedText {
  /** Nothing, or only invisible characters, between two letters: the same word. */
  static final int NONE = 0;

  static final int SPACE = 1;
  static final int HYPHEN = 2;

  /** Punctuation, symbols or emoji. */
  static final int OTHER = 4;

  /** The start or the end of the text. */
  static final int EDGE = 8;

  /** A sentence ends in this gap. */
  static final int SENTENCE = 16;

  private static final int NEWLINE = 32;
  private static final int STOP = 64;

  private static final int LATIN = 1;
  private static final int CYRILLIC = 2;
  private static final int GREEK = 3;

  /** Base letters of accented Latin letters (é -> e), so that "Kíev" is still Kiev. */
  private static final char[] LATIN_BASE = new char[0x250];

  static {
    for (char c = 0xC0; c < LATIN_BASE.length; c++) {
      String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      char base = decomposed.charAt(0);
      LATIN_BASE[c] = base < 0x80 && Character.isLetter(base) ? base : c;
    }
  }

  final String original;
  final int length;
  final char[] letters;
  final int[] start;
  final int[] end;
  final boolean[] upper;

  /** {@code gap[k]}: what lies before letter {@code k}; {@code gap[length]}: after the last one. */
  final int[] gap;

  /** UTF-16 length of the punctuation and symbols in {@code gap[k]}. */
  final int[] gapOther;

  /** How many letters the whitespace-delimited piece of letter {@code k} has. */
  final int[] piece;

  final int[] sentence;
  final int sentences;
  final int[] latinLetters;
  final int[] cyrillicLetters;

  /** Which letters lie inside a link, a user name or an e-mail address; null when none do. */
  final boolean[] link;

  private int[] wordStarts;
  private int[] wordEnds;

  private NormalizedText(String original, int length, char[] letters, int[] start, int[] end,
      boolean[] upper, int[] gap, int[] gapOther) {
    this.original = original;
    this.length = length;
    this.letters = letters;
    this.start = start;
    this.end = end;
    this.upper = upper;
    this.gap = gap;
    this.gapOther = gapOther;
    this.link = links(original, start, length);
    this.piece = new int[length];
    this.sentence = new int[length];
    int pieceStart = 0;
    for (int k = 1; k <= length; k++) {
      if (k == length || (gap[k] & (SPACE | EDGE)) != 0) {
        for (int j = pieceStart; j < k; j++) {
          piece[j] = k - pieceStart;
        }
        pieceStart = k;
      }
    }
    int s = 0;
    for (int k = 0; k < length; k++) {
      if (k > 0 && (gap[k] & SENTENCE) != 0) {
        s++;
      }
      sentence[k] = s;
    }
    this.sentences = length == 0 ? 0 : s + 1;
    this.latinLetters = new int[sentences];
    this.cyrillicLetters = new int[sentences];
    for (int k = 0; k < length; k++) {
      char c = letters[k];
      if (link != null && link[k]) {
        continue;
      }
      if (c >= 'a' && c <= 'z') {
        latinLetters[sentence[k]]++;
      } else if (c >= 0x400 && c < 0x530) {
        cyrillicLetters[sentence[k]]++;
      }
    }
  }

  private static final Pattern LINK =
      Pattern.compile("(?iU)\\b(?:https?://|www\\.|t\\.me/)\\S+|[\\w.+-]*@\\w[\\w.-]*");

  private static boolean[] links(String text, int[] start, int length) {
    if (text.indexOf('@') < 0 && text.indexOf("://") < 0 && text.indexOf("www.") < 0
        && text.indexOf("t.me/") < 0) {
      return null;
    }
    boolean[] link = new boolean[length];
    Matcher m = LINK.matcher(text);
    int k = 0;
    while (m.find()) {
      while (k < length && start[k] < m.start()) {
        k++;
      }
      while (k < length && start[k] < m.end()) {
        link[k++] = true;
      }
    }
    return link;
  }

  /**
   * Normalizes a text.
   *
   * @param cyrillicByDefault which script wins in a word whose letters all have look-alikes in
   *     both scripts and that mixes the two ("СВO")
   */
  static NormalizedText of(String text, boolean cyrillicByDefault) {
    int n = text.length();
    int[] cps = new int[n];
    int[] rawStart = new int[n];
    int[] rawEnd = new int[n];
    int[] rawGap = new int[n + 1];
    int[] rawOther = new int[n + 1];
    int count = 0;
    int pendingGap = EDGE;
    int pendingOther = 0;
    for (int i = 0; i < n; ) {
      char ch = text.charAt(i);
      int cp;
      int kind;
      if (ch < KINDS.length) {
        cp = ch;
        kind = KINDS[ch];
      } else {
        cp = text.codePointAt(i);
        kind = kind(cp);
      }
      int len = cp > 0xFFFF ? 2 : 1;
      switch (kind) {
        case K_LETTER -> {
          cps[count] = cp;
          rawStart[count] = i;
          rawEnd[count] = i + len;
          rawGap[count] = sentenceEnd(pendingGap);
          rawOther[count] = pendingOther;
          count++;
          pendingGap = NONE;
          pendingOther = 0;
        }
        case K_MARK -> {
          // A stress mark belongs to the letter before it, so the span keeps it.
          if (count > 0 && pendingGap == NONE) {
            rawEnd[count - 1] = i + len;
          }
        }
        case K_SPACE -> pendingGap |= SPACE;
        case K_NEWLINE -> pendingGap |= SPACE | NEWLINE;
        case K_HYPHEN -> pendingGap |= HYPHEN;
        case K_OTHER, K_STOP -> {
          pendingGap |= kind == K_STOP ? OTHER | STOP : OTHER;
          pendingOther += len;
        }
        default -> {
          // invisible: zero-width characters, soft hyphens, joiners, variation selectors
        }
      }
      i += len;
    }
    rawGap[count] = sentenceEnd(pendingGap | EDGE) & ~(NEWLINE | STOP);
    for (int k = 0; k < count; k++) {
      rawGap[k] &= ~(NEWLINE | STOP);
    }
    unmixScripts(cps, rawGap, count, cyrillicByDefault);

    char[] letters = new char[count];
    int[] start = new int[count];
    int[] end = new int[count];
    boolean[] upper = new boolean[count];
    int[] gap = new int[count + 1];
    int[] gapOther = new int[count + 1];
    int m = 0;
    for (int k = 0; k < count; k++) {
      int cp = cps[k];
      char folded = fold(cp);
      boolean isUpper = Character.isUpperCase(cp) || Character.isTitleCase(cp);
      letters[m] = folded;
      start[m] = rawStart[k];
      end[m] = rawEnd[k];
      upper[m] = isUpper;
      gap[m] = rawGap[k];
      gapOther[m] = rawOther[k];
      m++;
    }
    gap[m] = rawGap[count];
    gapOther[m] = rawOther[count];
    return new NormalizedText(text, m, letters, start, end, upper, gap, gapOther);
  }

  private static int sentenceEnd(int gap) {
    boolean ends = (gap & NEWLINE) != 0 || ((gap & STOP) != 0 && (gap & (SPACE | EDGE)) != 0);
    return ends ? gap | SENTENCE : gap;
  }

  /** Maps look-alike letters in each word to the script most of its letters are written in. */
  private static void unmixScripts(int[] cps, int[] gap, int count, boolean cyrillicByDefault) {
    int runStart = 0;
    for (int k = 1; k <= count; k++) {
      if (k < count && gap[k] == NONE) {
        continue;
      }
      int latin = 0;
      int cyrillic = 0;
      int clearLatin = 0;
      int clearCyrillic = 0;
      boolean greek = false;
      for (int j = runStart; j < k; j++) {
        int script = script(cps[j]);
        boolean clear = !Homoglyphs.ambiguous(cps[j]);
        if (script == LATIN) {
          latin++;
          clearLatin += clear ? 1 : 0;
        } else if (script == CYRILLIC) {
          cyrillic++;
          clearCyrillic += clear ? 1 : 0;
        } else if (script == GREEK) {
          greek = true;
        }
      }
      if ((latin > 0 && cyrillic > 0) || greek) {
        boolean toCyrillic;
        if (clearLatin != clearCyrillic) {
          toCyrillic = clearCyrillic > clearLatin;
        } else if (latin != cyrillic) {
          toCyrillic = cyrillic > latin;
        } else {
          toCyrillic = cyrillicByDefault;
        }
        int from = toCyrillic ? LATIN : CYRILLIC;
        for (int j = runStart; j < k; j++) {
          int script = script(cps[j]);
          if (script == from || script == GREEK) {
            cps[j] = Homoglyphs.inScript(cps[j], toCyrillic);
          }
        }
      }
      runStart = k;
    }
  }

  /** Scripts and folded forms of the Latin, Greek and Cyrillic blocks, the common case. */
  private static final int TABLE = 0x530;

  private static final byte[] SCRIPTS = new byte[TABLE];
  private static final char[] FOLDED = new char[TABLE];

  static {
    for (int c = 0; c < TABLE; c++) {
      SCRIPTS[c] = (byte) computeScript(c);
      FOLDED[c] = computeFold(c);
    }
  }

  private static int script(int cp) {
    return cp < TABLE ? SCRIPTS[cp] : computeScript(cp);
  }

  private static char fold(int cp) {
    return cp < TABLE ? FOLDED[cp] : computeFold(cp);
  }

  private static int computeScript(int cp) {
    if (cp < 0x250) {
      return Character.isLetter(cp) && cp != 0xAA && cp != 0xBA && cp != 0xB5 ? LATIN : 0;
    }
    if (cp >= 0x370 && cp < 0x400) {
      return GREEK;
    }
    if (cp >= 0x400 && cp < 0x530) {
      return CYRILLIC;
    }
    return cp >= 0x1E00 && cp < 0x1F00 ? LATIN : 0;
  }

  private static char computeFold(int cp) {
    if (cp >= 0x1D400 && cp < 0x1D800 || cp >= 0xFF00 && cp < 0xFF60) {
      // Mathematical bold and full-width letters are a known way to dodge filters.
      String compat = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
      if (compat.length() == 1) {
        cp = compat.charAt(0);
      }
    }
    int lower = Character.toLowerCase(cp);
    if (lower >= 0xC0 && lower < LATIN_BASE.length) {
      lower = LATIN_BASE[lower];
    }
    if (lower == 'ё') {
      return 'е';
    }
    if (lower == 'ґ') {
      return 'г';
    }
    return lower < 0x10000 ? (char) lower : '\uFFFD';
  }

  private static final int K_INVISIBLE = 0;
  private static final int K_LETTER = 1;
  private static final int K_MARK = 2;
  private static final int K_SPACE = 3;
  private static final int K_NEWLINE = 4;
  private static final int K_HYPHEN = 5;
  private static final int K_OTHER = 6;
  private static final int K_STOP = 7;

  /** {@link #kind} of every character below U+3000, so the common case is one array read. */
  private static final byte[] KINDS = new byte[0x3000];

  static {
    for (int c = 0; c < KINDS.length; c++) {
      KINDS[c] = (byte) kind(c);
    }
  }

  private static int kind(int cp) {
    int type = Character.getType(cp);
    if (invisible(cp, type)) {
      return K_INVISIBLE;
    }
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK) {
      return K_MARK;
    }
    if (wordCharacter(cp)) {
      return K_LETTER;
    }
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 ? K_NEWLINE : K_SPACE;
    }
    if (hyphen(cp)) {
      return K_HYPHEN;
    }
    return cp == '.' || cp == '!' || cp == '?' || cp == '…' ? K_STOP : K_OTHER;
  }

  private static boolean invisible(int cp, int type) {
    return type == Character.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF)
        || cp == 0x034F
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x3164;
  }

  private static boolean wordCharacter(int cp) {
    // Modifier-letter apostrophes are letters to Unicode but apostrophes to a reader (м'ясо).
    return Character.isLetterOrDigit(cp) && cp != 0x2BC && cp != 0x2B9 && cp != 0x2BB;
  }

  private static boolean hyphen(int cp) {
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63
        || cp == 0xFF0D;
  }

  /** Whether letter {@code k} repeats the letter before it inside a word ("оррки"). */
  boolean repeatAt(int k) {
    return k > 0 && k < length && gap[k] == NONE && letters[k] == letters[k - 1]
        && Character.isLetter(letters[k]);
  }

  /** Whether a word may end before letter {@code k} (or at the end, {@code k == length}). */
  boolean boundaryBefore(int k) {
    return k >= length || gap[k] != NONE;
  }

  /**
   * Whether letters {@code k - 1} and {@code k} may belong to one word: nothing between them, a
   * short run of inserted punctuation or emoji ("ор.ки", "ор🐷ки"), or spaces between single letters
   * ("о р к и").
   */
  boolean joinableAt(int k) {
    int g = gap[k];
    if (g == NONE) {
      return true;
    }
    if ((g & (EDGE | SENTENCE)) != 0) {
      return false;
    }
    if ((g & SPACE) != 0) {
      return (g & OTHER) == 0 && piece[k - 1] == 1 && piece[k] == 1;
    }
    return gapOther[k] <= 4;
  }

  /** Whether letters {@code k - 1} and {@code k} are single letters separated by spaces ("о р к и"). */
  boolean spacedOutAt(int k) {
    int g = gap[k];
    return (g & SPACE) != 0 && (g & (OTHER | EDGE | SENTENCE)) == 0 && piece[k - 1] == 1
        && piece[k] == 1;
  }

  /** Whether the gap before letter {@code k} may separate two words of one phrase. */
  boolean phraseBreakAt(int k) {
    int g = gap[k];
    return g != NONE && (g & (OTHER | EDGE | SENTENCE)) == 0;
  }

  /** The original text of letters {@code [from, to)}. */
  String originalText(int from, int to) {
    return original.substring(start[from], end[to - 1]);
  }

  String normalized(int from, int to) {
    return new String(letters, from, to - from);
  }

  /** Starts of the plain words: runs of letters with nothing but invisible characters between. */
  int[] wordStarts() {
    if (wordStarts == null) {
      splitWords();
    }
    return wordStarts;
  }

  int[] wordEnds() {
    if (wordEnds == null) {
      splitWords();
    }
    return wordEnds;
  }

  private void splitWords() {
    int words = 0;
    for (int k = 0; k < length; k++) {
      if (gap[k] != NONE) {
        words++;
      }
    }
    int[] starts = new int[words];
    int[] ends = new int[words];
    int w = -1;
    for (int k = 0; k < length; k++) {
      if (gap[k] != NONE) {
        w++;
        starts[w] = k;
      }
      ends[w] = k + 1;
    }
    wordStarts = starts;
    wordEnds = ends;
  }

  /** Whether most letters of the sentence are Cyrillic. */
  boolean cyrillicSentence(int s) {
    return cyrillicLetters[s] > 0 && cyrillicLetters[s] >= latinLetters[s];
  }
}
