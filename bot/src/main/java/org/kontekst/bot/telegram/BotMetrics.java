package org.kontekst.bot.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import org.kontekst.bot.command.CheckObserver;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;

/**
 * The bot's metrics: updates by outcome, latency from update to the last reply sent (a histogram),
 * matches and flags per report, send retries and send errors; in webhook mode also requests by
 * status, inbox events, takeovers and ambiguous sends.
 */
public final class BotMetrics implements CheckObserver {
  private final MeterRegistry registry;
  private final Timer latency;
  private final DistributionSummary matches;

  public BotMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.latency =
        Timer.builder("kontekst.update.latency")
            .description("From receiving an update to its last reply sent")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    this.matches =
        DistributionSummary.builder("kontekst.check.matches")
            .description("Articles matched per checked post")
            .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** One update, by what became of it: message, callback, ignored, flood, failed. */
  void update(String outcome) {
    Counter.builder("kontekst.updates").tag("outcome", outcome).register(registry).increment();
  }

  void latency(long nanos) {
    latency.record(Duration.ofNanos(nanos));
  }

  void sendRetry(String reason) {
    Counter.builder("kontekst.send.retries").tag("reason", reason).register(registry).increment();
  }

  void sendError(String reason) {
    Counter.builder("kontekst.send.errors").tag("reason", reason).register(registry).increment();
  }

  /** One webhook request, by the HTTP status it was answered with. */
  void webhookRequest(int status) {
    Counter.builder("kontekst.webhook.requests").tag("status", String.valueOf(status)).register(registry).increment();
  }

  /**
   * One inbox event: recorded, repeated (a delivery of an update already recorded), taken_over
   * (from an instance whose lease ran out), released, lost (another instance took it over first),
   * given_up (it took too many owners down with it).
   */
  void inbox(String event) {
    Counter.builder("kontekst.inbox").tag("event", event).register(registry).increment();
  }

  /** The calls of one update taken over from an instance whose lease ran out. */
  void outboxTakeover() {
    Counter.builder("kontekst.outbox.takeovers").register(registry).increment();
  }

  /**
   * A call made again although an earlier attempt may have reached Telegram (its instance stopped
   * before it recorded the answer): the only way a person can get one reply twice.
   */
  void ambiguousSend() {
    Counter.builder("kontekst.sends.ambiguous")
        .description("Calls resent after an attempt whose outcome was not recorded")
        .register(registry)
        .increment();
  }

  @Override
  public void checked(Report report) {
    matches.record(report.matches().size());
    for (Flag flag : report.flags()) {
      Counter.builder("kontekst.check.flags")
          .tag("category", flag.category().label())
          .register(registry)
          .increment();
    }
  }
}
