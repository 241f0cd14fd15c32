package org.kontekst.bot.telegram;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;

/**
 * The {@link FakeChecker}, except that a post containing "stuck" blocks, deaf to interrupts, until
 * {@link #release()}: an instance that is killed while checking it, or that hangs (a long garbage
 * collection pause) and wakes up after another took its work over.
 */
final class StuckChecker implements Checker {
  private final FakeChecker fake = new FakeChecker();
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger entered = new AtomicInteger();
  private final AtomicInteger left = new AtomicInteger();

  @Override
  public Report check(Post post, int maxMatches, double minScore) {
    if (post.text().toLowerCase(Locale.ROOT).contains("stuck")) {
      entered.incrementAndGet();
      boolean interrupted = false;
      while (released.getCount() > 0) {
        try {
          released.await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      left.incrementAndGet();
    }
    return fake.check(post, maxMatches, minScore);
  }

  void release() {
    released.countDown();
  }

  /** Waits until {@code count} checks are blocked. */
  void awaitEntered(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (entered.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + entered.get() + " checks started");
      }
      Thread.sleep(5);
    }
  }

  int entered() {
    return entered.get();
  }

  int left() {
    return left.get();
  }
}
