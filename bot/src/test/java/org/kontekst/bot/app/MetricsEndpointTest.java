package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.telegram.BotMetrics;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;
import org.kontekst.knowledge.wording.FlagCategory;

class MetricsEndpointTest {
  @Test
  void should_expose_check_metrics_in_prometheus_format_and_health() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    BotMetrics metrics = new BotMetrics(registry);
    metrics.checked(new Report(Post.of("x y"), "en", List.of(), List.of(new Flag("y", 2, 3, FlagCategory.EMOTIVE, "", "", ""))));
    HttpClient http = HttpClient.newHttpClient();

    try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, registry, () -> true)) {
      String base = "http://127.0.0.1:" + endpoint.port();
      HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());

      assertEquals(200, scrape.statusCode());
      assertTrue(scrape.body().contains("kontekst_check_flags_total{category=\"emotive\"} 1.0"), scrape.body());
      assertTrue(scrape.body().contains("kontekst_update_latency_seconds_bucket"), scrape.body());
      assertEquals(200, health.statusCode());
    }
  }
}
