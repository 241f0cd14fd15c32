package org.kontekst.bot.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * How to reach Telegram and how hard to work: the token, the Bot API server, the long-polling
 * timeout, the update workers, the send limits and retries, and the per-user flood limit.
 *
 * @param floodLimit posts one person may send per {@code floodWindow} before the bot pauses them
 */
public record TelegramConfig(
    String token,
    URI apiUrl,
    Duration pollTimeout,
    int workers,
    int maxInFlight,
    SendLimits limits,
    RetryPolicy retry,
    int floodLimit,
    Duration floodWindow,
    Duration drainTimeout) {

  public static final URI PUBLIC_API = URI.create("https://api.telegram.org");

  public TelegramConfig {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the bot token must not be blank");
    }
    Objects.requireNonNull(apiUrl, "apiUrl");
    String scheme = apiUrl.getScheme() == null ? "" : apiUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || apiUrl.getHost() == null) {
      throw new IllegalArgumentException("the Bot API URL must be http(s)://host[:port]: " + apiUrl);
    }
    if (pollTimeout.isNegative() || pollTimeout.toSeconds() > 50) {
      throw new IllegalArgumentException("the polling timeout must be 0-50 s: " + pollTimeout);
    }
    if (workers < 1 || maxInFlight < workers) {
      throw new IllegalArgumentException("need 1 <= workers <= maxInFlight: " + workers + ", " + maxInFlight);
    }
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(retry, "retry");
    if (floodLimit < 1) {
      throw new IllegalArgumentException("the flood limit must be at least 1: " + floodLimit);
    }
    Objects.requireNonNull(floodWindow, "floodWindow");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
  }

  /** Production defaults for a token and a Bot API URL ({@code null}: the public one). */
  public static TelegramConfig of(String token, String apiUrl) {
    return new TelegramConfig(
        token,
        parseUrl(apiUrl),
        Duration.ofSeconds(50),
        Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
        256,
        SendLimits.telegram(),
        RetryPolicy.standard(),
        15,
        Duration.ofMinutes(1),
        Duration.ofSeconds(8));
  }

  /** Parses {@code TELEGRAM_API_URL}; blank means the public Bot API. */
  public static URI parseUrl(String apiUrl) {
    if (apiUrl == null || apiUrl.isBlank()) {
      return PUBLIC_API;
    }
    try {
      URI uri = new URI(apiUrl.strip());
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("TELEGRAM_API_URL must look like https://host[:port]: " + apiUrl);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("TELEGRAM_API_URL must look like https://host[:port]: " + apiUrl, e);
    }
  }

  public TelegramConfig withPollTimeout(Duration timeout) {
    return new TelegramConfig(
        token, apiUrl, timeout, workers, maxInFlight, limits, retry, floodLimit, floodWindow, drainTimeout);
  }

  public TelegramConfig withLimits(SendLimits newLimits, RetryPolicy newRetry) {
    return new TelegramConfig(
        token, apiUrl, pollTimeout, workers, maxInFlight, newLimits, newRetry, floodLimit, floodWindow, drainTimeout);
  }

  public TelegramConfig withFlood(int limit, Duration window) {
    return new TelegramConfig(
        token, apiUrl, pollTimeout, workers, maxInFlight, limits, retry, limit, window, drainTimeout);
  }

  TelegramUrl telegramUrl() {
    String scheme = apiUrl.getScheme().toLowerCase(Locale.ROOT);
    int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : scheme.equals("https") ? 443 : 80;
    return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "TelegramConfig[apiUrl=" + apiUrl + ", pollTimeout=" + pollTimeout + ", workers=" + workers + "]";
  }
}
