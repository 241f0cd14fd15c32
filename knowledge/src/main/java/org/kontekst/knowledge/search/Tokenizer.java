package org.kontekst.knowledge.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into {@link Token}s with Lucene's Unicode (UAX #29) tokenizer, after folding the
 * variants that carry no meaning: typographic apostrophes, ё, invisible characters.
 */
final class Tokenizer {

  private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

  private Tokenizer() {}

  /** Lucene's tokenizer allocates large buffers when built, so each thread keeps one. */
  private static final ThreadLocal<StandardTokenizer> TOKENIZERS =
      ThreadLocal.withInitial(
          () -> {
            StandardTokenizer tokenizer = new StandardTokenizer();
            tokenizer.setMaxTokenLength(64);
            return tokenizer;
          });

  static List<Token> tokenize(String text) {
    String folded = fold(text);
    List<Token> tokens = new ArrayList<>();
    StandardTokenizer tokenizer = TOKENIZERS.get();
    try {
      tokenizer.setReader(new StringReader(folded));
      CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        String raw = term.toString();
        Token.Script script = scriptOf(raw);
        if (script == Token.Script.OTHER) {
          continue;
        }
        String surface = stripApostrophes(raw.toLowerCase(Locale.ROOT));
        if (script == Token.Script.LATIN) {
          // "Vladímir", "Moscú", "Erdoğan": accents vary between languages and transliterations.
          surface = DIACRITICS.matcher(Normalizer.normalize(surface, Normalizer.Form.NFD)).replaceAll("");
        }
        if (surface.isEmpty()) {
          continue;
        }
        boolean capitalized = Character.isUpperCase(raw.codePointAt(0));
        boolean upper = raw.length() >= 2 && raw.chars().noneMatch(Character::isLowerCase);
        tokens.add(
            new Token(surface, offset.startOffset(), offset.endOffset(), script, capitalized, upper));
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tokens;
  }

  /**
   * Folds characters one for one (so offsets stay valid): apostrophe variants to U+0027, ё to е,
   * invisible characters to spaces that never join words.
   */
  static String fold(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      switch (c) {
        case '\u2019', '\u02BC', '\u2018', '`', '\u00B4' -> chars[i] = '\'';
        case 'ё' -> chars[i] = 'е';
        case 'Ё' -> chars[i] = 'Е';
        case '\u0301' -> chars[i] = '\u200B';
        default -> {}
      }
    }
    return new String(chars).replace("\u00AD", "").replace("\u200B", "");
  }

  private static String stripApostrophes(String s) {
    // "Kirby's" is Kirby; Ukrainian "м'ясо" keeps its apostrophe inside the word.
    if (s.endsWith("'s")) {
      s = s.substring(0, s.length() - 2);
    }
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '\'') start++;
    while (end > start && s.charAt(end - 1) == '\'') end--;
    return s.substring(start, end);
  }

  private static Token.Script scriptOf(String raw) {
    boolean digit = false;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.CYRILLIC) return Token.Script.CYRILLIC;
        if (script == Character.UnicodeScript.LATIN) return Token.Script.LATIN;
        return Token.Script.OTHER;
      }
      if (Character.isDigit(cp)) digit = true;
    }
    return digit ? Token.Script.NUMBER : Token.Script.OTHER;
  }
}
