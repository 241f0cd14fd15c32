package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.TestDatabase;
import org.slf4j.LoggerFactory;

/**
 * Send pacing through the database, on an H2 file and on PostgreSQL: two pacer factories on one
 * database stand for two webhook instances. Both read one clock (as NTP-synchronised instances
 * do), held still here, so that the slots they hand out can be compared exactly with what one
 * in-memory {@link Pacer} hands out.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class DatabasePacerTest {
  private static final long SECOND = 1_000_000_000L;
  private static final SendLimits LIMITS = SendLimits.telegram();

  @Parameter TestDatabase database;
  @TempDir Path data;

  private KnowledgeStore store;
  private PaceRepository paces;
  private final TestTime time = new TestTime();

  @BeforeEach
  void open() {
    store = database.isPostgresql() ? database.open() : KnowledgeStore.open(data);
    paces = new PaceRepository(store.dataSource());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private SendPacer.Factory instance() {
    return DatabasePacer.factory(paces, time, time::nanos);
  }

  private static SendPacer chat(SendPacer.Factory instance) {
    return instance.create("chat", LIMITS.perChatInterval(), LIMITS.perChatBurst());
  }

  private static SendPacer global(SendPacer.Factory instance) {
    return instance.create("global", LIMITS.globalInterval(), LIMITS.globalBurst());
  }

  @Test
  void should_space_one_chat_across_two_instances_as_one_pacer_would() {
    SendPacer a = chat(instance());
    SendPacer b = chat(instance());

    List<Long> slots = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      slots.add((i % 2 == 0 ? a : b).reserve(7, 0));
    }

    assertEquals(List.of(0L, 0L, 0L, SECOND, 2 * SECOND, 3 * SECOND), slots, "a burst of 3, then one a second");
    assertEquals(0, b.reserve(8, 0), "another chat has its own budget");
  }

  @Test
  void should_keep_the_global_limit_across_both_instances_reserving_at_once() throws Exception {
    SendPacer a = global(instance());
    SendPacer b = global(instance());
    int each = 40;
    CyclicBarrier start = new CyclicBarrier(2);

    CompletableFuture<List<Long>> fromA = CompletableFuture.supplyAsync(() -> reserveMany(a, each, start));
    CompletableFuture<List<Long>> fromB = CompletableFuture.supplyAsync(() -> reserveMany(b, each, start));
    List<Long> slots = new ArrayList<>(fromA.get());
    slots.addAll(fromB.get());
    Collections.sort(slots);

    Pacer one = new Pacer(LIMITS.globalInterval(), LIMITS.globalBurst());
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 2 * each; i++) {
      expected.add(one.reserve(0, 0));
    }
    assertEquals(expected, slots, "the two instances together get the slots of one pacer");
    assertEquals(LIMITS.globalBurst(), slots.stream().filter(s -> s == 0).count(), "never more than the burst at once");
    long interval = LIMITS.globalInterval().toNanos();
    for (int i = LIMITS.globalBurst(); i < slots.size(); i++) {
      assertTrue(slots.get(i) - slots.get(i - 1) >= interval, "slot " + i + " comes an interval after the one before");
    }
  }

  private static List<Long> reserveMany(SendPacer pacer, int count, CyclicBarrier start) {
    try {
      start.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(pacer.reserve(0, 0));
    }
    return out;
  }

  @Test
  void should_hold_a_chat_on_the_other_instance_after_a_429() {
    SendPacer a = chat(instance());
    SendPacer b = chat(instance());

    a.holdUntil(7, 5 * SECOND);

    assertEquals(5 * SECOND, b.reserve(7, 0));
    assertEquals(6 * SECOND, b.reserve(7, 0), "then one a second, no burst");
  }

  @Test
  void should_reserve_when_another_instance_creates_the_row_at_the_same_time() throws Exception {
    try (Connection other = store.dataSource().getConnection()) {
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.executeUpdate("INSERT INTO tg_send_pace (pacer, pace_key, tat_millis) VALUES ('chat', 99, 5000)");
      }
      CompletableFuture<Long> reserved = CompletableFuture.supplyAsync(() -> paces.advance("chat", 99, 1000, 1000));
      // Time to run into the other's row: both databases then refuse the second insert (23505), and
      // the reservation runs again. Had it not got that far, it finds the row: the same result.
      Thread.sleep(300);
      other.commit();

      assertEquals(6000, reserved.get(), "one interval after the other instance's time");
    }
  }

  @Test
  void should_pace_alone_and_warn_once_while_the_database_fails_then_use_it_again() throws SQLException {
    AtomicBoolean down = new AtomicBoolean(true);
    SendPacer.Factory flaky =
        DatabasePacer.factory(new PaceRepository(failing(store.dataSource(), down)), time, time::nanos);
    SendPacer chat = chat(flaky);
    SendPacer global = global(flaky);
    ListAppender<ILoggingEvent> logged = listen();
    try {
      List<Long> slots = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        slots.add(chat.reserve(7, 0));
      }
      assertEquals(List.of(0L, 0L, 0L, SECOND), slots, "paced in memory meanwhile");
      assertEquals(0, global.reserve(0, 0));
      time.advance(DatabasePacer.RETRY_AFTER.plusSeconds(1));
      chat.reserve(7, time.nanos());
      assertEquals(1, count(logged, Level.WARN), "one warning for the outage, not one per send");

      down.set(false);
      time.advance(DatabasePacer.RETRY_AFTER.plusSeconds(1));
      chat.reserve(9, time.nanos());

      assertEquals(1, rows(9), "the database paces again");
      assertEquals(1, count(logged, Level.INFO), "and says so once");
    } finally {
      logger().detachAppender(logged);
      logger().setLevel(null);
    }
  }

  @Test
  void should_purge_rows_long_past_only() throws SQLException {
    SendPacer chat = chat(instance());
    chat.reserve(1, 0);
    time.advance(Duration.ofHours(1));
    chat.reserve(2, time.nanos());

    int purged = paces.purge(time.millis() - Duration.ofMinutes(10).toMillis());

    assertEquals(1, purged);
    assertEquals(0, rows(1));
    assertEquals(1, rows(2));
  }

  @Test
  void should_hand_out_send_queue_times_no_earlier_than_asked_on_the_real_clocks() {
    SendPacer pacer = chat(DatabasePacer.factory(paces, Clock.systemUTC()));
    long earliest = System.nanoTime() + SECOND;

    long first = pacer.reserve(7, earliest);
    pacer.reserve(7, earliest);
    pacer.reserve(7, earliest);
    long fourth = pacer.reserve(7, earliest);

    assertTrue(first >= earliest, "not before the earliest asked");
    // Each call converts with its own reading of the two clocks: a millisecond either way.
    assertTrue(fourth - first >= SECOND - 2_000_000, "the fourth a second after the burst: " + (fourth - first));
  }

  private int rows(long key) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tg_send_pace WHERE pace_key = " + key)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** {@code db}, whose connections fail while {@code down} is set. */
  private static DataSource failing(DataSource db, AtomicBoolean down) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (down.get() && method.getName().equals("getConnection")) {
                throw new SQLException("the database is down (test)", "08001");
              }
              try {
                return method.invoke(db, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger(DatabasePacer.class);
  }

  private static ListAppender<ILoggingEvent> listen() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger().setLevel(Level.INFO);
    logger().addAppender(appender);
    return appender;
  }

  private static long count(ListAppender<ILoggingEvent> appender, Level level) {
    return appender.list.stream().filter(e -> e.getLevel() == level).count();
  }

  /**
   * The two clocks of every instance in these tests: the wall clock, a whole millisecond of today,
   * and {@code System.nanoTime()}, from 0; both stand still until advanced together.
   */
  private static final class TestTime extends Clock {
    private final long start = Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    private final AtomicLong nanos = new AtomicLong();

    long nanos() {
      return nanos.get();
    }

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(start + nanos.get() / 1_000_000);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
