package org.kontekst.bot.curation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * MinHash fingerprints of posts, for clustering near-duplicates without keeping their text.
 *
 * <p>A post is normalized (NFKC, lower case, ё as е, apostrophes and URLs dropped, words of
 * letters and digits only) and cut into overlapping word pairs; each of {@link #SIZE} keyed hash
 * functions keeps its minimum over the pairs. The share of equal minima of two fingerprints
 * estimates the Jaccard similarity of their pair sets: a viral post reworded in a few places
 * stays above {@link #SAME_POST}, unrelated posts stay near 0. The keys come from the
 * installation secret, so that a fingerprint cannot be matched against guessed texts elsewhere.
 */
final class Fingerprint {
  /** Hash functions per fingerprint; the estimate's standard error is at most 1/(2*sqrt(SIZE)). */
  static final int SIZE = 128;

  /** Estimated Jaccard similarity from which two posts are one queue item. */
  static final double SAME_POST = 0.5;

  /** Unmatched posts with fewer words are too short to queue: they carry too little to curate. */
  static final int MIN_WORDS = 4;

  private final long[] keys = new long[SIZE];

  Fingerprint(byte[] secret) {
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("the secret must be at least 16 bytes");
    }
    ByteBuffer seeds = ByteBuffer.allocate(SIZE * 8);
    for (int block = 0; seeds.hasRemaining(); block++) {
      MessageDigest sha = sha256();
      sha.update(secret);
      sha.update(("kontekst.queue.minhash." + block).getBytes(StandardCharsets.UTF_8));
      byte[] d = sha.digest();
      seeds.put(d, 0, Math.min(d.length, seeds.remaining()));
    }
    seeds.flip();
    for (int i = 0; i < SIZE; i++) {
      keys[i] = seeds.getLong() | 1L;
    }
  }

  /** The fingerprint of {@code text}, or empty when it has fewer than {@code minWords} words. */
  Optional<byte[]> of(String text, int minWords) {
    List<String> words = words(text);
    if (words.size() < Math.max(1, minWords)) {
      return Optional.empty();
    }
    Set<String> shingles = new LinkedHashSet<>();
    for (int i = 0; i + 1 < words.size(); i++) {
      shingles.add(words.get(i) + ' ' + words.get(i + 1));
    }
    if (shingles.isEmpty()) {
      shingles.add(words.get(0));
    }
    int[] mins = new int[SIZE];
    Arrays.fill(mins, Integer.MAX_VALUE);
    for (String shingle : shingles) {
      long base = fnv1a(shingle);
      for (int i = 0; i < SIZE; i++) {
        int h = (int) (mix(base ^ keys[i]) >>> 33);
        if (h < mins[i]) {
          mins[i] = h;
        }
      }
    }
    ByteBuffer out = ByteBuffer.allocate(SIZE * 4);
    for (int m : mins) {
      out.putInt(m);
    }
    return Optional.of(out.array());
  }

  /** The estimated Jaccard similarity of two fingerprints, in [0, 1]. */
  static double similarity(byte[] a, byte[] b) {
    if (a.length != SIZE * 4 || b.length != SIZE * 4) {
      throw new IllegalArgumentException("fingerprints are " + SIZE * 4 + " bytes");
    }
    ByteBuffer x = ByteBuffer.wrap(a);
    ByteBuffer y = ByteBuffer.wrap(b);
    int same = 0;
    for (int i = 0; i < SIZE; i++) {
      if (x.getInt() == y.getInt()) {
        same++;
      }
    }
    return same / (double) SIZE;
  }

  static List<String> words(String text) {
    String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    t = t.replaceAll("(?i)\\b(?:https?://|www\\.|t\\.me/)\\S+", " ");
    t = t.replace('ё', 'е').replaceAll("['’ʼ`]", "");
    List<String> out = new ArrayList<>();
    for (String w : t.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64's finalizer: a good 64-bit mixing function. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
