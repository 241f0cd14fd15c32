package org.kontekst.bot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parts of the cluster proof that need no processes: the options it refuses, the nginx
 * configuration it writes, the counters it reads from an instance's Prometheus page, the verdict.
 */
class ClusterPartsTest {
  private static final Path KB = Path.of("..", "demo", "kb");

  @Test
  void should_refuse_options_that_cannot_run() {
    assertThrows(IllegalArgumentException.class, () -> options(1, 100, 0.1, true));
    assertThrows(IllegalArgumentException.class, () -> options(2, 0, 0.1, true));
    assertThrows(IllegalArgumentException.class, () -> options(2, 100, 1.5, true));
    assertThrows(IllegalArgumentException.class, () -> options(2, 100, Double.NaN, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ClusterBenchmark.Options(2, 100, 50, 0, true, Duration.ofSeconds(1), Duration.ZERO, KB, "-Xmx1g; rm"));
    assertEquals(1, options(1, 100, 0, false).instances());
  }

  @Test
  void should_write_an_upstream_that_passes_failed_requests_to_the_next_instance() {
    String conf = NginxProxy.config(Path.of("/tmp/n"), 9000, "/telegram/webhook", List.of(9001, 9002), false);

    assertTrue(conf.contains("server 127.0.0.1:9001 max_fails=1"), conf);
    assertTrue(conf.contains("server 127.0.0.1:9002 max_fails=1"), conf);
    assertTrue(conf.contains("listen 127.0.0.1:9000;"), conf);
    assertTrue(conf.contains("location = /telegram/webhook {"), conf);
    assertTrue(conf.contains("proxy_next_upstream error timeout http_502 http_503 non_idempotent;"), conf);
    assertTrue(conf.contains("pid /tmp/n/nginx.pid;"), conf);
    assertFalse(conf.contains("user root"), conf);
    assertTrue(NginxProxy.config(Path.of("/tmp/n"), 9000, "/w", List.of(9001), true).startsWith("user root;\n"));
  }

  @Test
  void should_sum_the_samples_of_a_counter_with_the_labels_asked_for() {
    String page =
        String.join(
            "\n",
            "# HELP kontekst_inbox_total Updates",
            "# TYPE kontekst_inbox_total counter",
            "kontekst_inbox_total{event=\"recorded\",} 120.0",
            "kontekst_inbox_total{event=\"taken_over\",} 3.0",
            "kontekst_inbox_total_created{event=\"taken_over\",} 1.7E9",
            "kontekst_sends_ambiguous_total 2.0",
            "");

    assertEquals(3.0, BotProcess.sum(page, "kontekst_inbox_total", List.of("event=\"taken_over\"")));
    assertEquals(123.0, BotProcess.sum(page, "kontekst_inbox_total", List.of()));
    assertEquals(2.0, BotProcess.sum(page, "kontekst_sends_ambiguous_total", List.of()));
    assertEquals(0.0, BotProcess.sum(page, "kontekst_outbox_takeovers_total", List.of()));
  }

  @Test
  void should_pass_a_run_only_without_loss_stray_replies_or_unreported_duplicates() {
    assertTrue(result(0, 0, 0, 0).ok());
    assertTrue(result(0, 2, 2, 0).ok(), "duplicates the instances reported as ambiguous");
    assertFalse(result(1, 0, 0, 0).ok(), "a lost update");
    assertFalse(result(0, 3, 2, 0).ok(), "a duplicate nobody reported");
    assertFalse(result(0, 0, 0, 1).ok(), "a reply to no update");
  }

  private static ClusterBenchmark.Options options(int instances, int updates, double failures, boolean kill) {
    return new ClusterBenchmark.Options(instances, updates, 50, failures, kill, Duration.ofSeconds(1), Duration.ZERO, KB, "256m");
  }

  private static ClusterBenchmark.Result result(int lost, int duplicated, int ambiguous, int stray) {
    return new ClusterBenchmark.Result(
        options(2, 10, 0, true), 10, 10 - lost, lost, duplicated, ambiguous, stray, 1, 1, 1, 1, 0, 0, 0, 137, 1);
  }
}
