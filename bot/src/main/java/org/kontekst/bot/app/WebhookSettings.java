package org.kontekst.bot.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.kontekst.bot.telegram.WebhookConfig;

/**
 * Webhook mode ({@code kontekst bot --webhook}) from the environment:
 *
 * <ul>
 *   <li>{@code KONTEKST_WEBHOOK_SECRET}, required: the secret Telegram sends with every update;
 *   <li>{@code KONTEKST_WEBHOOK_URL}, optional: the public https URL to register with setWebhook at
 *       start (unset: the deployment registered it);
 *   <li>{@code KONTEKST_WEBHOOK_LISTEN}, default {@code 127.0.0.1:8080} (the proxy in front ends TLS);
 *   <li>{@code KONTEKST_WEBHOOK_PATH}, default {@code /telegram/webhook};
 *   <li>{@code KONTEKST_WEBHOOK_MAX_CONNECTIONS}, default 40: setWebhook's {@code max_connections}.
 * </ul>
 */
record WebhookSettings(String secret, String url, String listen, String path, String maxConnections) {

  static final WebhookSettings NONE = new WebhookSettings(null, null, null, null, null);

  WebhookSettings {
    secret = blankToNull(secret);
    url = blankToNull(url);
    listen = blankToNull(listen);
    path = blankToNull(path);
    maxConnections = blankToNull(maxConnections);
  }

  static WebhookSettings from(Map<String, String> env) {
    return new WebhookSettings(
        env.get("KONTEKST_WEBHOOK_SECRET"),
        env.get("KONTEKST_WEBHOOK_URL"),
        env.get("KONTEKST_WEBHOOK_LISTEN"),
        env.get("KONTEKST_WEBHOOK_PATH"),
        env.get("KONTEKST_WEBHOOK_MAX_CONNECTIONS"));
  }

  /**
   * The webhook configuration, listening on {@code listenOverride} when given ({@code --listen}).
   *
   * @throws IllegalArgumentException naming the variable that is missing or wrong, and why
   */
  WebhookConfig config(String listenOverride) {
    if (secret == null) {
      throw new IllegalArgumentException(
          "KONTEKST_WEBHOOK_SECRET is not set: webhook mode needs the secret Telegram sends with each update,"
              + " 1-256 characters of A-Z, a-z, 0-9, _ and -, e.g. export KONTEKST_WEBHOOK_SECRET=$(openssl rand -hex 32)");
    }
    String address = listenOverride != null && !listenOverride.isBlank() ? listenOverride.strip() : listen;
    String host = WebhookConfig.DEFAULT_HOST;
    int port = WebhookConfig.DEFAULT_PORT;
    if (address != null) {
      int colon = address.lastIndexOf(':');
      if (colon <= 0 || colon == address.length() - 1) {
        throw new IllegalArgumentException("KONTEKST_WEBHOOK_LISTEN (or --listen) must be HOST:PORT, e.g. 127.0.0.1:8081: " + address);
      }
      host = address.substring(0, colon).replace("[", "").replace("]", "");
      port = number(address.substring(colon + 1), 1, 65_535, "KONTEKST_WEBHOOK_LISTEN (or --listen) port");
    }
    URI publicUrl = null;
    if (url != null) {
      try {
        publicUrl = new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("KONTEKST_WEBHOOK_URL must be https://host[:port]/path: " + url, e);
      }
    }
    int connections =
        maxConnections == null
            ? WebhookConfig.DEFAULT_MAX_CONNECTIONS
            : number(maxConnections, 1, 100, "KONTEKST_WEBHOOK_MAX_CONNECTIONS");
    try {
      return WebhookConfig.of(host, port, path == null ? WebhookConfig.DEFAULT_PATH : path, secret, publicUrl, connections);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("KONTEKST_WEBHOOK_*: " + e.getMessage(), e);
    }
  }

  private static int number(String value, int min, int max, String what) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(what + " must be a number from " + min + " to " + max + ": " + value);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "WebhookSettings[secret " + (secret == null ? "unset" : "set") + ", url=" + url + ", listen=" + listen
        + ", path=" + path + ", maxConnections=" + maxConnections + "]";
  }
}
