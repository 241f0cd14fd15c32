package org.kontekst.bot.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.TestDatabase;

/** Aggregate counts on H2 and PostgreSQL, also when two instances count the same new day at once. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class UsageStatsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T10:00:00Z"), ZoneOffset.UTC);

  @Parameter TestDatabase database;

  private KnowledgeStore store;

  @BeforeEach
  void open() {
    store = database.open();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static Report unmatched() {
    return new Report(Post.of("A post that matched nothing at all today"), "uk", List.of(), List.of());
  }

  /**
   * The database as one instance sees it, where {@code meanwhile} runs just before this instance's
   * first insert of a day's row: after its update found no row, as when another instance counts the
   * same new day at the same moment.
   */
  private DataSource racing(Runnable meanwhile) {
    DataSource db = store.dataSource();
    AtomicBoolean done = new AtomicBoolean();
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(method, db, args);
          if (!method.getName().equals("getConnection")) {
            return result;
          }
          Connection c = (Connection) result;
          return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                if (m.getName().equals("prepareStatement") && a[0] instanceof String sql
                    && sql.startsWith("INSERT INTO stats_daily") && done.compareAndSet(false, true)) {
                  meanwhile.run();
                }
                return invoke(m, c, a);
              });
        });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void should_count_checks_per_day_and_language() {
    UsageStats stats = new UsageStats(store.dataSource(), CLOCK);

    stats.checked(unmatched());
    stats.checked(unmatched());

    UsageStats.Summary summary = stats.summary(7, 5);
    assertEquals(1, summary.languages().size());
    assertEquals(2, summary.languages().get(0).checks());
    assertEquals(0, summary.languages().get(0).matched());
  }

  @Test
  void should_count_both_when_two_instances_insert_the_same_new_day_at_once() {
    UsageStats other = new UsageStats(store.dataSource(), CLOCK);
    UsageStats stats = new UsageStats(racing(() -> other.checked(unmatched())), CLOCK);

    stats.checked(unmatched());

    assertEquals(2, stats.summary(7, 5).languages().get(0).checks(), "neither count is lost");
  }
}
