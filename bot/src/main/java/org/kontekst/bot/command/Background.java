package org.kontekst.bot.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.FollowUps;
import org.kontekst.knowledge.lifecycle.ExecutorStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slow work that a command answers later, such as fetching a page for /add, so that the thread
 * that handles updates never waits on a web server. A small pool of daemon threads this class
 * owns runs at most {@code perPerson} jobs of one person and {@code overall} in all (running or
 * waiting); beyond that {@link #submit} says who is busy and runs nothing. Each job's reply goes
 * out through the {@link FollowUps} the transport sets with {@link #deliverTo}; replies finished
 * before that are kept until it is set. A job that throws is logged and answered with its apology.
 */
public final class Background implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Background.class);
  /** Replies kept while no transport is set; more are logged and dropped. */
  private static final int MAX_UNDELIVERED = 100;
  /** How long {@link #close} lets jobs under way finish and send their replies. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  /** Whether a job was started, and if not, who is busy. */
  public enum Admission {
    STARTED,
    /** This person already has {@code perPerson} jobs under way. */
    BUSY_FOR_PERSON,
    /** {@code overall} jobs are under way, or the pool is closing. */
    BUSY
  }

  private record Reply(ChatKind kind, List<Action> actions) {}

  private final int perPerson;
  private final int overall;
  private final ThreadPoolExecutor pool;
  private final Map<Long, Integer> byPerson = new HashMap<>();
  private final List<Reply> undelivered = new ArrayList<>();
  private int running;
  private boolean closed;
  private FollowUps followUps;

  /**
   * @param threads how many jobs run at once; the others wait their turn
   * @param perPerson the most jobs under way for one person
   * @param overall the most jobs under way in all
   */
  public Background(int threads, int perPerson, int overall) {
    if (threads < 1 || perPerson < 1 || overall < perPerson) {
      throw new IllegalArgumentException(
          "need threads >= 1 and 1 <= perPerson <= overall: " + threads + ", " + perPerson + ", " + overall);
    }
    this.perPerson = perPerson;
    this.overall = overall;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(overall),
            r -> {
              Thread t = new Thread(r, "kontekst-background-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /** Sends the replies of jobs from now on (and those that finished before) through {@code sink}. */
  public void deliverTo(FollowUps sink) {
    Objects.requireNonNull(sink, "sink");
    List<Reply> waiting;
    synchronized (this) {
      followUps = sink;
      waiting = List.copyOf(undelivered);
      undelivered.clear();
    }
    waiting.forEach(r -> deliver(sink, r));
  }

  /**
   * Runs {@code job} for {@code person} on the pool when there is room, and sends what it returns
   * to the chat; {@code apology} is sent instead if it throws.
   */
  public Admission submit(long person, ChatKind kind, Supplier<List<Action>> job, Supplier<List<Action>> apology) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(apology, "apology");
    synchronized (this) {
      if (closed || running >= overall) {
        return Admission.BUSY;
      }
      if (byPerson.getOrDefault(person, 0) >= perPerson) {
        return Admission.BUSY_FOR_PERSON;
      }
      running++;
      byPerson.merge(person, 1, Integer::sum);
    }
    try {
      pool.execute(() -> run(person, kind, job, apology));
    } catch (RejectedExecutionException e) {
      release(person);
      return Admission.BUSY;
    }
    return Admission.STARTED;
  }

  private void run(long person, ChatKind kind, Supplier<List<Action>> job, Supplier<List<Action>> apology) {
    List<Action> reply;
    try {
      reply = job.get();
    } catch (RuntimeException e) {
      log.error("background job for person {} failed", person, e);
      reply = apology.get();
    } finally {
      release(person);
    }
    if (reply.isEmpty()) {
      return;
    }
    FollowUps sink;
    synchronized (this) {
      sink = followUps;
      if (sink == null) {
        if (undelivered.size() < MAX_UNDELIVERED) {
          undelivered.add(new Reply(kind, reply));
        } else {
          log.warn("no transport to send a background reply to; dropped");
        }
        return;
      }
    }
    deliver(sink, new Reply(kind, reply));
  }

  private static void deliver(FollowUps sink, Reply reply) {
    try {
      sink.send(reply.kind(), reply.actions());
    } catch (RuntimeException e) {
      log.warn("a background reply could not be handed over: {}", e.toString());
    }
  }

  private synchronized void release(long person) {
    running--;
    byPerson.computeIfPresent(person, (k, v) -> v > 1 ? v - 1 : null);
    notifyAll();
  }

  /** Waits until no job is under way; false when {@code timeout} passed first. */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Jobs under way (running or waiting for a thread). */
  public synchronized int underWay() {
    return running;
  }

  /**
   * Takes no more jobs, lets those under way finish and send their replies for a few seconds, then
   * stops the threads; what has not finished by then is dropped (nothing was added for it).
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (ExecutorStop.gracefully(pool, CLOSE_WAIT) == ExecutorStop.Outcome.TIMED_OUT) {
      log.warn("stopping with {} background jobs unfinished", underWay());
    }
    pool.shutdownNow();
  }
}
