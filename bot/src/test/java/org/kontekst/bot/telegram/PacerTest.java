package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void should_allow_a_burst_then_one_per_interval() {
    Pacer pacer = new Pacer(Duration.ofSeconds(1), 3);

    assertEquals(0, pacer.reserve(7, 0));
    assertEquals(0, pacer.reserve(7, 0));
    assertEquals(0, pacer.reserve(7, 0));
    assertEquals(SECOND, pacer.reserve(7, 0));
    assertEquals(2 * SECOND, pacer.reserve(7, 0));
    assertEquals(0, pacer.reserve(8, 0), "another chat has its own budget");
  }

  @Test
  void should_hold_a_chat_after_a_429() {
    Pacer pacer = new Pacer(Duration.ofSeconds(1), 3);
    pacer.holdUntil(7, 5 * SECOND);

    assertEquals(5 * SECOND, pacer.reserve(7, 0));
  }
}
