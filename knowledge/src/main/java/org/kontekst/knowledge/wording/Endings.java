package org.kontekst.knowledge.wording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The closed sets of inflectional endings a lexicon stem written with {@code ~} may take: case and
 * number endings of Ukrainian and Russian nouns and adjectives, and the English plural.
 *
 * <p>A closed set, rather than any letters after the stem, is what keeps "орк~" from matching
 * "оркестр" and "хохл~" from matching "хохлатый". Ukrainian and Russian share one set because the
 * same slur is written in both languages and posts mix them.
 */
final class Endings {
  private static final String[] CYRILLIC = {
    "", "а", "я", "о", "е", "є", "и", "і", "ї", "ы", "у", "ю", "ь", "й",
    "ом", "ем", "ой", "ей", "ою", "ею", "єю", "ам", "ям", "ами", "ями", "ах", "ях", "ов", "ев",
    "ів", "їв", "ові", "еві", "єві", "ий", "ый", "ій", "ая", "яя", "ое", "ее", "ие", "ые", "ого",
    "его", "ього", "ому", "ему", "ьому", "ым", "им", "ім", "ых", "их", "іх", "ими", "іми", "ыми",
    "ую", "юю", "ої", "ьої", "ьою", "ої", "ые", "ии", "ия", "ию", "ией", "иям", "иями", "иях", "ій",
    "ія", "ії", "ію", "ією", "іям", "іями", "іях", "ью", "ем", "ьми"
  };

  private static final String[] LATIN = {"", "s", "es"};

  private static final Endings CYRILLIC_ENDINGS = new Endings(CYRILLIC);
  private static final Endings LATIN_ENDINGS = new Endings(LATIN);

  /** A small trie: children of node i are in {@code keys[i]} / {@code next[i]}. */
  private final char[][] keys;

  private final int[][] next;
  private final boolean[] terminal;

  private Endings(String[] endings) {
    List<char[]> keyList = new ArrayList<>();
    List<int[]> nextList = new ArrayList<>();
    List<Boolean> terminalList = new ArrayList<>();
    keyList.add(new char[0]);
    nextList.add(new int[0]);
    terminalList.add(false);
    for (String ending : endings) {
      NormalizedText normalized = NormalizedText.of(ending, true);
      int node = 0;
      for (int k = 0; k < normalized.length; k++) {
        char c = normalized.letters[k];
        char[] ks = keyList.get(node);
        int found = -1;
        for (int j = 0; j < ks.length; j++) {
          if (ks[j] == c) {
            found = nextList.get(node)[j];
          }
        }
        if (found < 0) {
          found = keyList.size();
          keyList.add(new char[0]);
          nextList.add(new int[0]);
          terminalList.add(false);
          keyList.set(node, append(ks, c));
          int[] ns = nextList.get(node);
          int[] grown = Arrays.copyOf(ns, ns.length + 1);
          grown[ns.length] = found;
          nextList.set(node, grown);
        }
        node = found;
      }
      terminalList.set(node, true);
    }
    keys = keyList.toArray(new char[0][]);
    next = nextList.toArray(new int[0][]);
    terminal = new boolean[terminalList.size()];
    for (int i = 0; i < terminal.length; i++) {
      terminal[i] = terminalList.get(i);
    }
  }

  private static char[] append(char[] chars, char c) {
    char[] grown = Arrays.copyOf(chars, chars.length + 1);
    grown[chars.length] = c;
    return grown;
  }

  /** The ending set for a stem whose last letter is {@code c}. */
  static Endings forStemEndingIn(char c) {
    return c >= 0x400 && c < 0x530 ? CYRILLIC_ENDINGS : LATIN_ENDINGS;
  }

  /**
   * Writes into {@code out} every position {@code e >= from} such that letters {@code [from, e)}
   * of the text form an ending, and returns how many there are.
   */
  int ends(NormalizedText text, int from, int[] out) {
    int count = 0;
    int node = 0;
    int k = from;
    while (true) {
      if (terminal[node] && count < out.length) {
        out[count++] = k;
      }
      if (k >= text.length || (k > 0 && !text.joinableAt(k))) {
        return count;
      }
      char c = text.letters[k];
      if (k > from && text.repeatAt(k)) {
        k++;
        continue;
      }
      char[] ks = keys[node];
      int child = -1;
      for (int j = 0; j < ks.length; j++) {
        if (ks[j] == c) {
          child = next[node][j];
          break;
        }
      }
      if (child < 0) {
        return count;
      }
      node = child;
      k++;
    }
  }

  /** How many ends {@link #ends} can report at most: one per letter of the longest ending, plus one. */
  static int maxCount() {
    return 8;
  }
}
