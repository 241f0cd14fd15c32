package org.kontekst.knowledge.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorStopTest {
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicBoolean interrupted = new AtomicBoolean();

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    executor.shutdownNow();
    assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "the test's executor did not stop");
  }

  /** A task that runs until released, noting whether it was interrupted. */
  private void startBlockingTask() throws InterruptedException {
    executor.execute(() -> {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
    });
    assertTrue(started.await(10, TimeUnit.SECONDS), "the task did not start");
  }

  @Test
  void should_let_a_task_finish_within_the_grace() throws InterruptedException {
    // given
    startBlockingTask();
    release.countDown();

    // when
    ExecutorStop.Outcome outcome = ExecutorStop.interruptingAfter(executor, Duration.ofSeconds(10));

    // then
    assertEquals(ExecutorStop.Outcome.ENDED, outcome);
    assertTrue(executor.isTerminated());
    assertFalse(interrupted.get());
  }

  @Test
  void should_leave_a_late_task_running_when_stopping_gracefully() throws InterruptedException {
    // given
    startBlockingTask();

    // when
    ExecutorStop.Outcome outcome = ExecutorStop.gracefully(executor, Duration.ofMillis(20));

    // then
    assertEquals(ExecutorStop.Outcome.TIMED_OUT, outcome);
    assertTrue(executor.isShutdown());
    release.countDown();
    assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    assertFalse(interrupted.get(), "a graceful stop must not interrupt the task");
  }

  @Test
  void should_interrupt_a_task_still_running_after_the_grace() throws InterruptedException {
    // given
    startBlockingTask();

    // when
    ExecutorStop.Outcome outcome = ExecutorStop.interruptingAfter(executor, Duration.ofMillis(20));

    // then
    assertEquals(ExecutorStop.Outcome.TIMED_OUT, outcome);
    assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    assertTrue(interrupted.get());
  }

  @Test
  void should_keep_the_closing_threads_interrupt_and_stop_the_tasks_at_once() throws InterruptedException {
    // given
    startBlockingTask();
    Thread.currentThread().interrupt();

    // when
    ExecutorStop.Outcome outcome = ExecutorStop.interruptingAfter(executor, Duration.ofSeconds(30));

    // then
    assertTrue(Thread.interrupted(), "the interrupt must stay set for the caller");
    assertEquals(ExecutorStop.Outcome.INTERRUPTED, outcome);
    assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    assertTrue(interrupted.get());
  }
}
