package org.kontekst.bot.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The "key: value" lines after the first line of a curation command, as in /term add. */
final class KeyValues {
  private KeyValues() {}

  /** The values by key; empty when a line is not "key: value", a key is unknown or repeated. */
  static Optional<Map<String, String>> parse(String[] lines, int from, Set<String> keys) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = from; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (!keys.contains(key) || out.put(key, line.substring(colon + 1).strip()) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }
}
