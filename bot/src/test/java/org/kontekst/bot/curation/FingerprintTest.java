package org.kontekst.bot.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
  private final Fingerprint fingerprints = new Fingerprint(SECRET);

  private static final String VIRAL =
      "Ukrainian soldiers are selling Western weapons on the dark web, a leaked report from the"
          + " ministry reveals, and the buyers are terrorists in the Middle East";

  private double similarity(String a, String b) {
    return Fingerprint.similarity(fingerprints.of(a, 1).orElseThrow(), fingerprints.of(b, 1).orElseThrow());
  }

  @Test
  void should_keep_a_reworded_viral_post_above_the_threshold() {
    // given: the same post with a prefix, emoji, other case, a link and two words changed
    String reworded =
        "⚡️BREAKING!!! UKRAINIAN soldiers are selling western weapons on the dark web, a leaked"
            + " report from the ministry shows, and buyers are terrorists in the Middle East https://t.me/x/1";

    // then
    assertTrue(similarity(VIRAL, reworded) >= Fingerprint.SAME_POST, "similarity " + similarity(VIRAL, reworded));
    assertEquals(1.0, similarity(VIRAL, VIRAL));
  }

  @Test
  void should_keep_unrelated_posts_on_the_same_topic_apart() {
    String unrelated =
        "The ministry says Western weapons delivered to Ukraine are tracked by inspectors and no"
            + " evidence of resale on the dark web has been found";

    assertTrue(similarity(VIRAL, unrelated) < 0.2, "similarity " + similarity(VIRAL, unrelated));
  }

  @Test
  void should_fold_cyrillic_variants_and_refuse_too_short_posts() {
    assertEquals(1.0, similarity("Зеленский ушёл в отставку сегодня утром", "зеленский ушел в отставку, сегодня утром!"));
    assertTrue(fingerprints.of("too short post", Fingerprint.MIN_WORDS).isEmpty());
  }

  @Test
  void should_depend_on_the_installation_secret() {
    byte[] other = Arrays.copyOf(SECRET, SECRET.length);
    other[0] ^= 1;
    assertNotEquals(
        Arrays.toString(fingerprints.of(VIRAL, 1).orElseThrow()),
        Arrays.toString(new Fingerprint(other).of(VIRAL, 1).orElseThrow()));
  }
}
