package org.kontekst.knowledge.language;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.kontekst.knowledge.article.Languages;

/**
 * Detects the language from the script of the letters, then from letters and frequent words of
 * the languages that share that script.
 *
 * <p>Why not a character n-gram model: the pair that matters, Ukrainian and Russian, shares most
 * n-grams, and on a 60-character claim the few letters and function words that differ decide.
 * They are listed here by hand and weighed, so every decision can be explained.
 */
final class EvidenceLanguageDetector implements LanguageDetector {

  /** Long texts say enough in their first few thousand characters; this bounds the cost. */
  private static final int MAX_CHARS = 6_000;

  private static final int MIN_LETTERS = 3;

  // URLs, e-mail addresses, @mentions and #hashtags are usually English or transliterated
  // whatever the language of the post, so they would only add noise.
  private static final Pattern NOISE =
      Pattern.compile(
          "(?i)(?:https?://|www\\.)\\S+|[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+"
              + "|[@#][\\p{L}\\p{N}_]+");

  // Soft hyphens and zero-width characters hide inside words; they must not split them.
  private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");

  private static final Pattern APOSTROPHES = Pattern.compile("[\\u2019\\u02BC\\u0060\\u00B4]");

  @Override
  public String detect(String text) {
    Objects.requireNonNull(text, "text");
    String cleaned = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    cleaned = NOISE.matcher(INVISIBLE.matcher(cleaned).replaceAll("")).replaceAll(" ");
    cleaned = APOSTROPHES.matcher(cleaned).replaceAll("'").toLowerCase(Locale.ROOT);

    List<String> words = words(cleaned);
    Map<UnicodeScript, Integer> letters = countLetters(words);
    UnicodeScript script = mainScript(letters, words);
    if (script == null) {
      return Languages.UNKNOWN;
    }
    return switch (script) {
      case CYRILLIC -> Cyrillic.detect(words);
      case LATIN -> Latin.detect(words);
      case HIRAGANA, KATAKANA -> "ja";
      case HAN -> letters.containsKey(UnicodeScript.HIRAGANA)
              || letters.containsKey(UnicodeScript.KATAKANA)
          ? "ja"
          : "zh";
      default -> OTHER_SCRIPTS.getOrDefault(script, Languages.UNKNOWN);
    };
  }

  private static final Map<UnicodeScript, String> OTHER_SCRIPTS = otherScripts();

  private static Map<UnicodeScript, String> otherScripts() {
    Map<UnicodeScript, String> m = new EnumMap<>(UnicodeScript.class);
    m.put(UnicodeScript.GREEK, "el");
    m.put(UnicodeScript.ARABIC, "ar");
    m.put(UnicodeScript.HEBREW, "he");
    m.put(UnicodeScript.HANGUL, "ko");
    m.put(UnicodeScript.GEORGIAN, "ka");
    m.put(UnicodeScript.ARMENIAN, "hy");
    m.put(UnicodeScript.DEVANAGARI, "hi");
    m.put(UnicodeScript.THAI, "th");
    return m;
  }

  /** Words: runs of letters, with an apostrophe kept only between two letters (Ukrainian м'ята). */
  static List<String> words(String lowerCased) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int n = lowerCased.length();
    for (int i = 0; i < n; ) {
      int cp = lowerCased.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
        word.appendCodePoint(cp);
      } else if (cp == '\'' && word.length() > 0 && next < n && Character.isLetter(lowerCased.codePointAt(next))) {
        word.append('\'');
      } else if (cp == '-' && word.length() > 0 && next < n && Character.isLetter(lowerCased.codePointAt(next))) {
        // "по-перше", "из-за": a hyphenated word is one word for the lists below.
        word.append('-');
      } else if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
      i = next;
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  private static Map<UnicodeScript, Integer> countLetters(List<String> words) {
    Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
    for (String w : words) {
      w.codePoints()
          .filter(Character::isLetter)
          .forEach(cp -> counts.merge(UnicodeScript.of(cp), 1, Integer::sum));
    }
    return counts;
  }

  /**
   * The script most letters are written in. Between Latin and Cyrillic the words decide, and a Latin
   * word that is not a function word counts less: a Russian post that quotes "New York Times" or
   * "Rolls-Royce" is still Russian, while an English post that quotes one Russian word is English.
   */
  private static UnicodeScript mainScript(Map<UnicodeScript, Integer> letters, List<String> words) {
    int total = letters.values().stream().mapToInt(Integer::intValue).sum();
    if (total < MIN_LETTERS) {
      return null;
    }
    UnicodeScript best = null;
    int bestCount = 0;
    for (Map.Entry<UnicodeScript, Integer> e : letters.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    int latin = letters.getOrDefault(UnicodeScript.LATIN, 0);
    int cyrillic = letters.getOrDefault(UnicodeScript.CYRILLIC, 0);
    if (latin > 0 && cyrillic > 0) {
      double latinWords = 0;
      double cyrillicWords = 0;
      for (String w : words) {
        UnicodeScript s = UnicodeScript.of(w.codePointAt(0));
        if (s == UnicodeScript.CYRILLIC) {
          cyrillicWords += 1;
        } else if (s == UnicodeScript.LATIN) {
          latinWords += Latin.isFunctionWord(w) ? 1.5 : 0.7;
        }
      }
      if (best == UnicodeScript.LATIN || best == UnicodeScript.CYRILLIC) {
        best = cyrillicWords >= latinWords ? UnicodeScript.CYRILLIC : UnicodeScript.LATIN;
      }
    }
    return best;
  }

  /** Adds {@code weight} to {@code language} in {@code scores}. */
  static void add(Map<String, Double> scores, String language, double weight) {
    scores.merge(language, weight, Double::sum);
  }

  /** The language with the highest score, or {@code fallback} when nothing scored. */
  static String best(Map<String, Double> scores, String fallback) {
    return best(scores, fallback, null);
  }

  /**
   * As {@link #best(Map, String)}, except that a tie for the highest score that {@code preferred}
   * is part of goes to {@code preferred} (null: no preference).
   */
  static String best(Map<String, Double> scores, String fallback, String preferred) {
    String best = fallback;
    double bestScore = 0;
    boolean tie = false;
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      if (e.getValue() > bestScore) {
        best = e.getKey();
        bestScore = e.getValue();
        tie = false;
      } else if (e.getValue() == bestScore) {
        tie = true;
      }
    }
    if (!tie) return best;
    // A tie is no evidence either way; the fallback is the caller's prior, not map order.
    return preferred != null && bestScore > 0 && scores.getOrDefault(preferred, 0.0) == bestScore ? preferred : fallback;
  }

  static Map<String, Double> scores() {
    return new HashMap<>();
  }
}
