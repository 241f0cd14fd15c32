package org.kontekst.bot.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Telegram's HTML parse mode: escaping and the few tags the bot uses. */
public final class Html {
  private Html() {}

  /** Escapes text for Telegram HTML: {@code & < > "} become entities; nothing else is needed. */
  public static String escape(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** An http(s) URL fit for an {@code href}, or empty when the URL is not one. */
  static Optional<String> safeUrl(String url) {
    if (url == null || url.isBlank() || url.length() > 2000) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(uri.toASCIIString());
      }
    } catch (URISyntaxException e) {
      // not a URL: the title is shown without a link
    }
    return Optional.empty();
  }
}
