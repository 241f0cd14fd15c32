package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FloodGuardTest {
  @Test
  void should_notice_once_then_drop_until_the_window_ends() {
    AtomicLong now = new AtomicLong();
    FloodGuard guard = new FloodGuard(2, Duration.ofMinutes(1), now::get);

    assertEquals(FloodGuard.Verdict.ALLOW, guard.admit(1));
    assertEquals(FloodGuard.Verdict.ALLOW, guard.admit(1));
    assertEquals(FloodGuard.Verdict.NOTICE, guard.admit(1));
    assertEquals(FloodGuard.Verdict.DROP, guard.admit(1));
    assertEquals(FloodGuard.Verdict.ALLOW, guard.admit(2), "others are not affected");

    now.addAndGet(Duration.ofSeconds(61).toNanos());
    assertEquals(FloodGuard.Verdict.ALLOW, guard.admit(1));
  }
}
