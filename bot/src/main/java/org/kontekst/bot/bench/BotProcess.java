package org.kontekst.bot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code kontekst bot --webhook} instance as a separate JVM (so that it can be killed with
 * SIGKILL): the java that runs this one, on this one's class path (the shaded jar, or the test
 * class path), with a small heap, its own data directory (its search index), the shared database
 * and the fake Telegram. Its output goes to a log file; its counters are read from its metrics
 * endpoint.
 */
public final class BotProcess implements AutoCloseable {
  /** Settings every instance shares. */
  public record Shared(URI apiUrl, String token, String secret, String dbUrl, String dbUser, String heap) {}

  private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? ([-0-9.Ee+]+|NaN)$");

  private final String name;
  private final Process process;
  private final int port;
  private final int metricsPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private BotProcess(String name, Process process, int port, int metricsPort) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.metricsPort = metricsPort;
  }

  /** Starts an instance listening on 127.0.0.1:{@code port}; its output goes to {@code log}. */
  public static BotProcess start(String name, Shared shared, Path data, int port, int metricsPort, Path log)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java, "-Xmx" + shared.heap(), "-cp", System.getProperty("java.class.path"), "org.kontekst.bot.app.Main",
            "bot", "--webhook", "--listen", "127.0.0.1:" + port, "--data", data.toString(), "--db-url", shared.dbUrl(),
            "--db-user", shared.dbUser());
    Map<String, String> env = builder.environment();
    // Only what is set here: no token, database or model settings from the caller's environment.
    env.keySet().removeIf(k -> k.startsWith("KONTEKST_") || k.startsWith("TELEGRAM_"));
    env.put("TELEGRAM_BOT_TOKEN", shared.token());
    env.put("TELEGRAM_API_URL", shared.apiUrl().toString());
    env.put("KONTEKST_WEBHOOK_SECRET", shared.secret());
    env.put("KONTEKST_METRICS_PORT", String.valueOf(metricsPort));
    Process process =
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new BotProcess(name, process, port, metricsPort);
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until {@code /healthz} answers 200; throws when the process exits or time runs out. */
  public void awaitHealthy(Duration wait) throws InterruptedException {
    URI health = URI.create("http://127.0.0.1:" + port + "/healthz");
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it became healthy");
      }
      try {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " did not become healthy on port " + port + " in " + wait.toSeconds() + " s");
  }

  /**
   * Kills the process with SIGKILL ({@code Process.destroyForcibly} on Linux), waits for it and
   * returns its exit status: 137 (128 + 9) when the signal killed it.
   */
  public int kill() throws InterruptedException {
    return process.destroyForcibly().waitFor();
  }

  /**
   * The sum of a counter's samples whose labels contain every one of {@code labels} (as {@code
   * key="value"}), read from the instance's Prometheus endpoint; 0 when it has none.
   */
  public double counter(String name, String... labels) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).timeout(Duration.ofSeconds(5)).build();
    String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    return sum(body, name, List.of(labels));
  }

  static double sum(String prometheus, String name, List<String> labels) {
    double sum = 0;
    for (String line : prometheus.split("\n")) {
      Matcher m = SAMPLE.matcher(line.strip());
      if (m.matches() && m.group(1).equals(name)) {
        String tags = m.group(2) == null ? "" : m.group(2);
        if (labels.stream().allMatch(tags::contains)) {
          sum += Double.parseDouble(m.group(3));
        }
      }
    }
    return sum;
  }

  /** Stops the instance as an operator would (SIGTERM: it drains and gives back), or kills it. */
  @Override
  public void close() {
    stop(process, Duration.ofSeconds(20));
  }

  /** Sends SIGTERM, waits up to {@code grace}, then SIGKILL. */
  static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
