package org.kontekst.knowledge.wording;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One form of a lexicon entry, parsed: the words of a term, each a normalized stem with the way its
 * ending may vary.
 *
 * <p>The syntax, documented for curators in the lexicon's README: words are separated by spaces or
 * hyphens, and either separator in the text matches either ("Kim Jong-in" = "Kim Jong In"); a word
 * ending in {@code ~} takes any inflectional ending ({@link Endings}); a word ending in {@code *}
 * takes any continuation; a word written in capitals ("СВО", "SMO") matches only in capitals;
 * {@code {a,b}} lists alternatives.
 */
record TermPattern(List<Word> words) {

  /** How the end of a word may vary. */
  enum Mode {
    EXACT,
    ENDINGS,
    PREFIX
  }

  /** One word of a term. */
  record Word(String stem, Mode mode, boolean caseSensitive) {
    Word {
      Objects.requireNonNull(stem, "stem");
      Objects.requireNonNull(mode, "mode");
      if (stem.isEmpty()) {
        throw new IllegalArgumentException("a word of a term must have letters");
      }
      if (mode == Mode.PREFIX && stem.length() < 4) {
        throw new IllegalArgumentException(
            "a stem ending in * must have at least 4 letters, or it matches too much: " + stem);
      }
    }
  }

  TermPattern {
    words = List.copyOf(words);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a term must have at least one word");
    }
  }

  /** Parses one form, expanding {@code {a,b}} alternatives into several patterns. */
  static List<TermPattern> parse(String form) {
    Objects.requireNonNull(form, "form");
    List<TermPattern> patterns = new ArrayList<>();
    for (String expanded : expand(form.strip())) {
      patterns.add(parseOne(expanded));
    }
    return patterns;
  }

  private static List<String> expand(String form) {
    int open = form.indexOf('{');
    if (open < 0) {
      return List.of(form);
    }
    int close = form.indexOf('}', open);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed { in form: " + form);
    }
    List<String> result = new ArrayList<>();
    for (String alternative : form.substring(open + 1, close).split(",", -1)) {
      result.addAll(expand(form.substring(0, open) + alternative.strip() + form.substring(close + 1)));
    }
    return result;
  }

  private static TermPattern parseOne(String form) {
    if (form.isBlank()) {
      throw new IllegalArgumentException("a form must not be empty");
    }
    boolean cyrillic = form.codePoints().anyMatch(cp -> cp >= 0x400 && cp < 0x530);
    List<Word> words = new ArrayList<>();
    for (String part : form.split("[\\s\\-\u2010\u2011\u2013\u2014]+")) {
      if (part.isEmpty()) {
        continue;
      }
      Mode mode = Mode.EXACT;
      String body = part;
      if (part.endsWith("~")) {
        mode = Mode.ENDINGS;
        body = part.substring(0, part.length() - 1);
      } else if (part.endsWith("*")) {
        mode = Mode.PREFIX;
        body = part.substring(0, part.length() - 1);
      }
      if (body.contains("~") || body.contains("*")) {
        throw new IllegalArgumentException("~ and * may only end a word: " + part);
      }
      NormalizedText normalized = NormalizedText.of(body, cyrillic);
      if (normalized.length == 0) {
        throw new IllegalArgumentException("a word of a term must have letters: " + part);
      }
      long letters = body.codePoints().filter(Character::isLetter).count();
      boolean capitals =
          letters >= 2 && body.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
      words.add(new Word(normalized.normalized(0, normalized.length), mode, capitals));
    }
    return new TermPattern(words);
  }
}
