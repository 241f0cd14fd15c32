package org.kontekst.bot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an instance serves Telegram's webhook: where it listens (behind a TLS-terminating proxy such
 * as nginx), the path, the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}, the
 * public URL to register with setWebhook (or {@code null} when the deployment registers it), and
 * how long an instance owns an update or a call before another may take it over.
 *
 * @param port 0 picks a free port (tests)
 * @param maxConnections setWebhook's {@code max_connections}: deliveries Telegram makes at once
 * @param maxBodyBytes larger requests get 413
 * @param lease how long a claim on an update or a call lasts; renewed every third of it while the
 *     work runs, so another instance takes over only from one that stopped renewing
 * @param sweepInterval how often each instance looks for updates and calls whose lease ran out
 */
public record WebhookConfig(
    String host,
    int port,
    String path,
    String secret,
    URI publicUrl,
    int maxConnections,
    int maxBodyBytes,
    Duration lease,
    Duration sweepInterval) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_PATH = "/telegram/webhook";
  public static final String HEALTH_PATH = "/healthz";
  /** Telegram's own default for max_connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 40;

  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,200}");

  public WebhookConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the webhook listen host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("the webhook port must be 0-65535: " + port);
    }
    if (path == null || !PATH.matcher(path).matches() || path.equals(HEALTH_PATH)) {
      throw new IllegalArgumentException(
          "the webhook path must start with / and use only A-Z, a-z, 0-9 and . _ ~ / - (not " + HEALTH_PATH + "): " + path);
    }
    if (secret == null || !SECRET.matcher(secret).matches()) {
      throw new IllegalArgumentException(
          "the webhook secret must be 1-256 characters, each A-Z, a-z, 0-9, _ or - (Telegram's rule for secret_token)");
    }
    if (publicUrl != null) {
      String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || publicUrl.getHost() == null) {
        throw new IllegalArgumentException("the webhook URL must be https://host[:port]/path: " + publicUrl);
      }
    }
    if (maxConnections < 1 || maxConnections > 100) {
      throw new IllegalArgumentException("max_connections must be 1-100: " + maxConnections);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("the body limit must be at least 1024 bytes: " + maxBodyBytes);
    }
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    if (sweepInterval.isNegative() || sweepInterval.isZero() || lease.compareTo(sweepInterval) <= 0) {
      throw new IllegalArgumentException("need 0 < sweep interval < lease: " + sweepInterval + ", " + lease);
    }
  }

  /** Production defaults: 1 MiB bodies, 30 s leases, a sweep every second. */
  public static WebhookConfig of(String host, int port, String path, String secret, URI publicUrl, int maxConnections) {
    return new WebhookConfig(
        host, port, path, secret, publicUrl, maxConnections, 1 << 20, Duration.ofSeconds(30), Duration.ofSeconds(1));
  }

  public WebhookConfig withLease(Duration newLease, Duration newSweepInterval) {
    return new WebhookConfig(host, port, path, secret, publicUrl, maxConnections, maxBodyBytes, newLease, newSweepInterval);
  }

  public WebhookConfig withPort(int newPort) {
    return new WebhookConfig(host, newPort, path, secret, publicUrl, maxConnections, maxBodyBytes, lease, sweepInterval);
  }

  public WebhookConfig withPublicUrl(URI url) {
    return new WebhookConfig(host, port, path, secret, url, maxConnections, maxBodyBytes, lease, sweepInterval);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "WebhookConfig[" + host + ":" + port + path + ", url=" + publicUrl + ", maxConnections=" + maxConnections
        + ", lease=" + lease + "]";
  }
}
