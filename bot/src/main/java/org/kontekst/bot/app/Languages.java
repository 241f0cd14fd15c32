package org.kontekst.bot.app;

import org.kontekst.knowledge.language.LanguageDetector;

/** Placeholder until the language package lands: tells uk and ru apart by their own letters. */
final class Languages {
  private Languages() {}

  static LanguageDetector detector() {
    return text -> {
      int uk = 0, ru = 0, cyr = 0, lat = 0;
      for (char c : text.toLowerCase().toCharArray()) {
        if ("іїєґ".indexOf(c) >= 0) uk++;
        if ("ыэъё".indexOf(c) >= 0) ru++;
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) cyr++;
        if (c >= 'a' && c <= 'z') lat++;
      }
      if (cyr > lat) return uk >= ru ? "uk" : "ru";
      return lat > 0 ? "en" : "und";
    };
  }
}
