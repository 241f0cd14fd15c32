package org.kontekst.knowledge.wording;

/**
 * A coarse phonetic key for personal names that makes transliterations of one name equal:
 * "Volodymyr", "Volodimir", "Wolodymyr" and "Володимир" share a key, "Vladimir" and "Владимир" share
 * another.
 *
 * <p>The key is only compared with keys of registered names, never shown, so it may be lossy: it
 * romanizes Cyrillic, merges the spellings romanization systems disagree on (kh/h, y/i/j, g/h, w/v)
 * and drops doubled letters.
 */
final class NameKey {
  private static final String[][] CYRILLIC = {
    {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"ґ", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "io"},
    {"є", "ie"}, {"ж", "zh"}, {"з", "z"}, {"и", "i"}, {"і", "i"}, {"ї", "i"}, {"й", "i"}, {"к", "k"},
    {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"},
    {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"},
    {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "iu"}, {"я", "ia"}
  };

  /** Applied in order: longer clusters before the letters they contain. */
  private static final String[][] LATIN = {
    {"shch", "s"}, {"sch", "s"}, {"sh", "s"}, {"zh", "z"}, {"kh", "h"}, {"ch", "c"}, {"ts", "c"},
    {"tz", "c"}, {"cz", "c"}, {"w", "v"}, {"ph", "f"}, {"x", "ks"}, {"q", "k"}, {"g", "h"},
    {"j", "i"}, {"y", "i"}, {"ie", "e"}, {"iu", "u"}, {"ia", "a"}, {"io", "o"}
  };

  private NameKey() {}

  static String of(String name) {
    StringBuilder roman = new StringBuilder();
    name.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(cp -> {
      if (cp >= 0x400 && cp < 0x530) {
        String letter = new String(Character.toChars(cp));
        for (String[] pair : CYRILLIC) {
          if (pair[0].equals(letter)) {
            roman.append(pair[1]);
            return;
          }
        }
      } else if (cp >= 'a' && cp <= 'z') {
        roman.appendCodePoint(cp);
      } else if (Character.isLetter(cp)) {
        NormalizedText folded = NormalizedText.of(new String(Character.toChars(cp)), false);
        if (folded.length == 1) {
          roman.append(folded.letters[0]);
        }
      }
    });
    String key = roman.toString();
    for (String[] rule : LATIN) {
      key = key.replace(rule[0], rule[1]);
    }
    StringBuilder collapsed = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      if (i == 0 || key.charAt(i) != key.charAt(i - 1)) {
        collapsed.append(key.charAt(i));
      }
    }
    return collapsed.toString();
  }
}
