package org.kontekst.knowledge.wording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * When an ambiguous lexicon term counts as loaded: the {@code when} column of the lexicon.
 *
 * <p>Syntax: {@code context=прогрем,произош,пожар; unless=театр,лялькову вистав; next=stop}.
 * {@code context}: some word of the same sentence starts with one of the stems (a phrase of stems
 * matches consecutive words); it keeps "хлопок" (cotton) from being read as the euphemism for an
 * explosion. {@code unless}: no word of the whole post starts with one of them; it keeps fantasy orcs
 * and Myanmar's junta out. {@code next=stop}: the term must not be followed by a word that makes it a
 * modifier, so "the Ukraine war" is not the misnaming "the Ukraine".
 */
record Conditions(List<List<String>> context, List<List<String>> unless, boolean standalone) {
  static final Conditions NONE = new Conditions(List.of(), List.of(), false);

  /**
   * English words after which "the Ukraine" still stands alone as a noun phrase: function words and
   * common verbs. Anything else may be a noun it modifies ("the Ukraine war"), so no flag.
   */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "is", "was", "are", "were", "has", "had", "have", "and", "or", "but", "in", "on", "at",
          "to", "of", "for", "from", "with", "by", "as", "that", "which", "who", "will", "would",
          "could", "can", "should", "must", "may", "might", "itself", "its", "after", "before",
          "since", "until", "during", "into", "while", "when", "where", "because", "so", "if", "than",
          "then", "now", "too", "also", "again", "today", "yesterday", "did", "does", "do", "be",
          "been", "being", "not", "no", "about", "against", "over", "under", "through", "between",
          "among", "said", "says", "keeps", "kept", "needs", "needed", "remains", "remained",
          "gets", "got", "receives", "received", "wants", "wanted", "faces", "faced", "continues",
          "continued", "became", "becomes", "lost", "won", "held", "seems", "joined", "declared",
          "signed", "asked", "fought", "fights", "lies", "borders", "gained");

  Conditions {
    context = copy(Objects.requireNonNull(context, "context"));
    unless = copy(Objects.requireNonNull(unless, "unless"));
  }

  private static List<List<String>> copy(List<List<String>> phrases) {
    List<List<String>> copy = new ArrayList<>();
    for (List<String> phrase : phrases) {
      if (phrase.isEmpty()) {
        throw new IllegalArgumentException("a context phrase must have a word");
      }
      copy.add(List.copyOf(phrase));
    }
    return List.copyOf(copy);
  }

  /** Parses the {@code when} column; blank means no conditions. */
  static Conditions parse(String when) {
    if (when == null || when.isBlank()) {
      return NONE;
    }
    List<List<String>> context = new ArrayList<>();
    List<List<String>> unless = new ArrayList<>();
    boolean standalone = false;
    for (String clause : when.split(";")) {
      if (clause.isBlank()) {
        continue;
      }
      int eq = clause.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "a condition must read name=value (context, unless or next): " + clause.strip());
      }
      String name = clause.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = clause.substring(eq + 1).strip();
      switch (name) {
        case "context" -> context.addAll(stems(value));
        case "unless" -> unless.addAll(stems(value));
        case "next" -> {
          if (!value.equals("stop")) {
            throw new IllegalArgumentException("next must be 'stop': " + value);
          }
          standalone = true;
        }
        default -> throw new IllegalArgumentException(
            "unknown condition '" + name + "': use context, unless or next");
      }
    }
    return new Conditions(context, unless, standalone);
  }

  private static List<List<String>> stems(String value) {
    List<List<String>> phrases = new ArrayList<>();
    for (String item : value.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      List<String> phrase = new ArrayList<>();
      for (String word : item.strip().split("\\s+")) {
        NormalizedText normalized =
            NormalizedText.of(word, word.codePoints().anyMatch(cp -> cp >= 0x400 && cp < 0x530));
        if (normalized.length > 0) {
          phrase.add(normalized.normalized(0, normalized.length));
        }
      }
      if (!phrase.isEmpty()) {
        phrases.add(phrase);
      }
    }
    if (phrases.isEmpty()) {
      throw new IllegalArgumentException("a condition needs at least one word: " + value);
    }
    return phrases;
  }

  /**
   * Whether a match of letters {@code [from, to)} meets the conditions that depend on where it is:
   * {@code next} and {@code context}. See {@link #excludedBy} for {@code unless}.
   */
  boolean holdsAt(NormalizedText text, int from, int to) {
    if (standalone && !standsAlone(text, to)) {
      return false;
    }
    if (context.isEmpty()) {
      return true;
    }
    int[] starts = text.wordStarts();
    int sentence = text.sentence[from];
    int first = wordAt(starts, from);
    while (first > 0 && text.sentence[starts[first - 1]] == sentence) {
      first--;
    }
    for (int w = first; w < starts.length && text.sentence[starts[w]] == sentence; w++) {
      if (anyPhraseAt(text, w, context)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an {@code unless} word anywhere in the post rules the entry out. */
  boolean excludedBy(NormalizedText text) {
    if (unless.isEmpty()) {
      return false;
    }
    int[] starts = text.wordStarts();
    for (int w = 0; w < starts.length; w++) {
      if (anyPhraseAt(text, w, unless)) {
        return true;
      }
    }
    return false;
  }

  private static int wordAt(int[] starts, int letter) {
    int i = Arrays.binarySearch(starts, letter);
    return i >= 0 ? i : -i - 2;
  }

  private static boolean anyPhraseAt(NormalizedText text, int word, List<List<String>> phrases) {
    int[] starts = text.wordStarts();
    int[] ends = text.wordEnds();
    for (List<String> phrase : phrases) {
      if (word + phrase.size() > starts.length) {
        continue;
      }
      boolean all = true;
      for (int j = 0; j < phrase.size() && all; j++) {
        all = startsWith(text, starts[word + j], ends[word + j], phrase.get(j));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(NormalizedText text, int from, int to, String stem) {
    if (to - from < stem.length()) {
      return false;
    }
    for (int i = 0; i < stem.length(); i++) {
      if (text.letters[from + i] != stem.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean standsAlone(NormalizedText text, int to) {
    if (to >= text.length) {
      return true;
    }
    int g = text.gap[to];
    if ((g & (NormalizedText.SENTENCE | NormalizedText.EDGE)) != 0) {
      return true;
    }
    if ((g & NormalizedText.HYPHEN) != 0 && (g & NormalizedText.SPACE) == 0) {
      return false;
    }
    if ((g & NormalizedText.OTHER) != 0) {
      return true;
    }
    int[] starts = text.wordStarts();
    int w = wordAt(starts, to);
    return FUNCTION_WORDS.contains(text.normalized(starts[w], text.wordEnds()[w]));
  }
}
