package org.kontekst.knowledge.wording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compiled lexicon: a trie over the letters of every term, walked once from each word start of a
 * {@link NormalizedText}.
 *
 * <p>A repeated letter in the text may stand for one letter of a term (stretching), never the
 * other way round: "Donbass" in the lexicon does not match "Donbas".
 *
 * <p>The cost of a post is the number of word starts times the few letters walked before the trie
 * runs out, whatever the size of the lexicon. Where a word of a term ends, the node says how its
 * ending may vary (exact, any inflectional ending, any continuation) and what follows: the entries
 * the term belongs to, or the sub-trie of the next word. Capital-only words ("СВО") have their own
 * edges, taken only by capital letters.
 */
final class TermTrie {
  private static final int CASE = 0x10000;
  private static final int MODES = TermPattern.Mode.values().length;

  private final LongIntMap transitions;
  private final int[] breakNode;
  private final int[][] terminals;

  private TermTrie(LongIntMap transitions, int[] breakNode, int[][] terminals) {
    this.transitions = transitions;
    this.breakNode = breakNode;
    this.terminals = terminals;
  }

  /** Collects trie matches: (entry, first letter, letter after the last) triples. */
  static final class Hits {
    int size;
    int[] entry = new int[16];
    int[] from = new int[16];
    int[] to = new int[16];

    void add(int id, int start, int end) {
      if (size == entry.length) {
        entry = Arrays.copyOf(entry, size * 2);
        from = Arrays.copyOf(from, size * 2);
        to = Arrays.copyOf(to, size * 2);
      }
      entry[size] = id;
      from[size] = start;
      to[size] = end;
      size++;
    }
  }

  /** Finds every match of every term in the text. */
  Hits match(NormalizedText text) {
    Hits hits = new Hits();
    for (int k = 0; k < text.length; k++) {
      if (text.boundaryBefore(k)) {
        walk(text, 0, k, k, k, hits);
      }
    }
    return hits;
  }

  private void walk(NormalizedText text, int node, int matchStart, int wordStart, int pos, Hits hits) {
    while (true) {
      if (pos > wordStart) {
        exits(text, node, matchStart, pos, hits);
      }
      if (pos >= text.length || (pos > wordStart && !text.joinableAt(pos))) {
        return;
      }
      char c = text.letters[pos];
      if (pos > wordStart && text.repeatAt(pos)) {
        // A stretched letter ("оррки") may be skipped; the trie still needs every letter it has.
        walk(text, node, matchStart, wordStart, pos + 1, hits);
      }
      if (text.upper[pos]) {
        int capital = transitions.get(key(node, c | CASE));
        if (capital >= 0) {
          walk(text, capital, matchStart, wordStart, pos + 1, hits);
        }
      }
      int next = transitions.get(key(node, c));
      if (next < 0) {
        return;
      }
      node = next;
      pos++;
    }
  }

  private void exits(NormalizedText text, int node, int matchStart, int pos, Hits hits) {
    for (int mode = 0; mode < MODES; mode++) {
      int slot = node * MODES + mode;
      if (slot >= breakNode.length || (terminals[slot] == null && breakNode[slot] < 0)) {
        continue;
      }
      if (mode == TermPattern.Mode.EXACT.ordinal()) {
        wordEnd(text, slot, matchStart, pos, hits);
      } else if (mode == TermPattern.Mode.ENDINGS.ordinal()) {
        int[] ends = new int[Endings.maxCount()];
        int count = Endings.forStemEndingIn(text.letters[pos - 1]).ends(text, pos, ends);
        for (int i = 0; i < count; i++) {
          wordEnd(text, slot, matchStart, ends[i], hits);
        }
      } else {
        int end = pos;
        while (end < text.length && (text.gap[end] == NormalizedText.NONE || text.spacedOutAt(end))) {
          end++;
        }
        wordEnd(text, slot, matchStart, end, hits);
      }
    }
  }

  private void wordEnd(NormalizedText text, int slot, int matchStart, int end, Hits hits) {
    if (!text.boundaryBefore(end)) {
      return;
    }
    int[] ids = terminals[slot];
    if (ids != null) {
      for (int id : ids) {
        hits.add(id, matchStart, end);
      }
    }
    int next = breakNode[slot];
    if (next >= 0 && end < text.length && text.phraseBreakAt(end)) {
      walk(text, next, matchStart, end, end, hits);
    }
  }

  private static long key(int node, int code) {
    return ((long) node << 20) | code;
  }

  /** Builds a trie from patterns; not thread-safe, used once. */
  static final class Builder {
    private final LongIntMap transitions = new LongIntMap();
    private final List<Integer> breaks = new ArrayList<>();
    private final List<int[]> terminalIds = new ArrayList<>();
    private int nodes = 1;

    Builder() {
      grow();
    }

    private void grow() {
      for (int m = 0; m < MODES; m++) {
        breaks.add(-1);
        terminalIds.add(null);
      }
    }

    private int newNode() {
      grow();
      return nodes++;
    }

    void add(TermPattern pattern, int entryId) {
      int node = 0;
      List<TermPattern.Word> words = pattern.words();
      for (int w = 0; w < words.size(); w++) {
        TermPattern.Word word = words.get(w);
        for (int i = 0; i < word.stem().length(); i++) {
          int code = word.stem().charAt(i) | (word.caseSensitive() ? CASE : 0);
          long key = key(node, code);
          int child = transitions.get(key);
          if (child < 0) {
            child = newNode();
            transitions.put(key, child);
          }
          node = child;
        }
        int slot = node * MODES + word.mode().ordinal();
        if (w == words.size() - 1) {
          int[] ids = terminalIds.get(slot);
          int[] grown = ids == null ? new int[1] : Arrays.copyOf(ids, ids.length + 1);
          grown[grown.length - 1] = entryId;
          terminalIds.set(slot, grown);
        } else {
          if (breaks.get(slot) < 0) {
            breaks.set(slot, newNode());
          }
          node = breaks.get(slot);
        }
      }
    }

    TermTrie build() {
      int[] breakNode = new int[breaks.size()];
      for (int i = 0; i < breakNode.length; i++) {
        breakNode[i] = breaks.get(i);
      }
      return new TermTrie(transitions, breakNode, terminalIds.toArray(new int[0][]));
    }
  }

  /** An open-addressing map from long keys to non-negative ints; -1 means absent. */
  static final class LongIntMap {
    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    int get(long key) {
      int mask = keys.length - 1;
      int i = mix(key) & mask;
      while (used[i]) {
        if (keys[i] == key) {
          return values[i];
        }
        i = (i + 1) & mask;
      }
      return -1;
    }

    void put(long key, int value) {
      if ((size + 1) * 2 > keys.length) {
        rehash();
      }
      int mask = keys.length - 1;
      int i = mix(key) & mask;
      while (used[i]) {
        if (keys[i] == key) {
          values[i] = value;
          return;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      keys[i] = key;
      values[i] = value;
      size++;
    }

    private void rehash() {
      long[] oldKeys = keys;
      int[] oldValues = values;
      boolean[] oldUsed = used;
      keys = new long[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      used = new boolean[oldKeys.length * 2];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldUsed[i]) {
          put(oldKeys[i], oldValues[i]);
        }
      }
    }

    private static int mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }
  }
}
