package org.kontekst.bot.curation;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the source registry: a Telegram channel (by username) or a web domain, with a label
 * that states a fact and a note that says where it comes from.
 */
public record ListedSource(Kind kind, String handle, String name, String label, String note) {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{3,64}");
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{1,62}");

  /** What is listed. */
  public enum Kind {
    CHANNEL,
    DOMAIN
  }

  public ListedSource {
    Objects.requireNonNull(kind, "kind");
    handle = normalize(kind, handle);
    name = clip(name, 300);
    label = Objects.requireNonNull(label, "label").strip();
    if (label.isEmpty() || label.length() > 200) {
      throw new IllegalArgumentException("a label is 1 to 200 characters");
    }
    note = clip(note, 1000);
    requireOneLine("label", label);
    requireOneLine("note", note);
  }

  /** Labels and notes are shown one per line (replies, {@code sources list}, exports). */
  private static void requireOneLine(String what, String value) {
    if (value == null) return;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
        throw new IllegalArgumentException(String.format(
            "a %s is one line of text: it holds control character U+%04X (a line break or tab?); remove it", what, (int) c));
      }
    }
  }

  /**
   * The stored form of a handle: a channel's username in lower case without "@" (Telegram
   * usernames ignore case); a domain in lower-case ASCII without "www.".
   *
   * @throws IllegalArgumentException when it is neither
   */
  public static String normalize(Kind kind, String raw) {
    String h = Objects.requireNonNull(raw, "handle").strip().toLowerCase(Locale.ROOT);
    if (kind == Kind.CHANNEL) {
      h = h.startsWith("@") ? h.substring(1) : h;
      if (!USERNAME.matcher(h).matches()) {
        throw new IllegalArgumentException("a channel is its @username (letters, digits, _): " + clip(raw, 80));
      }
      return h;
    }
    try {
      h = IDN.toASCII(h.endsWith(".") ? h.substring(0, h.length() - 1) : h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a domain: " + clip(raw, 80), e);
    }
    h = h.startsWith("www.") ? h.substring(4) : h;
    if (!DOMAIN.matcher(h).matches()) {
      throw new IllegalArgumentException("not a domain: " + clip(raw, 80));
    }
    return h;
  }

  private static String clip(String s, int max) {
    String t = s == null ? "" : s.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }
}
