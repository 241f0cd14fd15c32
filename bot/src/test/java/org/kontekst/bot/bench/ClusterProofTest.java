package org.kontekst.bot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The multi-instance proof, small: two {@code kontekst bot --webhook} processes on one throwaway
 * PostgreSQL behind nginx, 1,000 updates pushed through nginx by the fake Telegram with one
 * sendMessage in ten failing (429, 500, 502), one instance killed with SIGKILL half-way and started
 * again: every update is answered, and answered twice only as often as the instances report an
 * ambiguous send. The full run (10,000 updates, three instances, a clean run and a failing one) is
 * {@code kontekst bench --cluster}, which CI runs after the tests.
 */
class ClusterProofTest {

  @Test
  void should_answer_every_update_once_through_nginx_when_an_instance_is_killed_and_sends_fail() throws Exception {
    Optional<String> missing = ClusterBenchmark.missing();
    assumeTrue(missing.isEmpty(), () -> missing.get());
    Path kb = Path.of("..", "demo", "kb");
    assumeTrue(Files.isDirectory(kb), "demo/kb is missing (tests run from the module folder)");
    ClusterBenchmark.Options options =
        new ClusterBenchmark.Options(2, 1_000, 50, 0.1, true, Duration.ofSeconds(3), Duration.ofMillis(100), kb, "256m");

    ClusterBenchmark.Result result = ClusterBenchmark.run(options, System.out);

    System.out.print(ClusterBenchmark.table(List.of(result)));
    assertEquals(137, result.killExit(), "the instance died of SIGKILL (128 + 9)");
    assertEquals(1_000, result.sent());
    assertEquals(0, result.lost(), "updates never answered");
    assertEquals(0, result.stray(), "replies to no update pushed");
    assertTrue(
        result.duplicated() <= result.ambiguous(),
        result.duplicated() + " replies sent twice, only " + result.ambiguous() + " reported as ambiguous");
  }
}
