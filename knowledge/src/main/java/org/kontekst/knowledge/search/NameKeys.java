package org.kontekst.knowledge.search;

import java.util.Map;

/**
 * Consonant skeletons of names, so that a name the alias table does not know still meets itself
 * across scripts and inflections: "Stoltenberg", "Столтенберга" and "Столтенбергом" all give
 * {@code stltnbrg}; "Kirby" and "Кирби" give {@code krb}.
 *
 * <p>Both scripts map to one consonant alphabet: vowels and semivowels (y, й, j) drop, letters
 * that transliterations disagree on fall together (г/х/h/g/kh, ц/ч/ts/ch/c, ш/щ/sh), doubled
 * letters collapse. Skeletons shorter than three letters are too ambiguous to use.
 */
final class NameKeys {
  private static final Map<Character, String> CYRILLIC =
      Map.ofEntries(
          Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "G"), Map.entry('ґ', "G"),
          Map.entry('д', "d"), Map.entry('ж', "Z"), Map.entry('з', "z"), Map.entry('к', "k"),
          Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('п', "p"),
          Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('ф', "f"),
          Map.entry('х', "G"), Map.entry('ц', "C"), Map.entry('ч', "C"), Map.entry('ш', "S"),
          Map.entry('щ', "S"));

  private static final String[] CYRILLIC_CASE_ENDINGS = {
    "ами", "ями", "ому", "ого", "ыми", "ими", "ом", "ем", "ым", "им", "ой", "ою", "ей", "ею", "ам",
    "ям", "ах", "ях", "ів", "ев"
  };

  private NameKeys() {}

  /** The skeleton of one capitalized word, or empty when it is too short to tell names apart. */
  static String of(Token token) {
    String word = token.surface();
    String skeleton =
        switch (token.script()) {
          case CYRILLIC -> cyrillic(stripCaseEnding(word));
          case LATIN -> latin(word);
          default -> "";
        };
    return skeleton.length() >= 3 ? skeleton : "";
  }

  private static String stripCaseEnding(String word) {
    for (String ending : CYRILLIC_CASE_ENDINGS) {
      if (word.endsWith(ending) && word.length() - ending.length() >= 4) {
        return word.substring(0, word.length() - ending.length());
      }
    }
    return word;
  }

  private static String cyrillic(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      String mapped = CYRILLIC.get(word.charAt(i));
      if (mapped != null) append(out, mapped);
    }
    return out.toString();
  }

  private static String latin(String word) {
    StringBuilder out = new StringBuilder(word.length());
    int i = 0;
    while (i < word.length()) {
      String rest = word.substring(i);
      String mapped;
      int used;
      if (rest.startsWith("shch") || rest.startsWith("sch")) {
        mapped = "S";
        used = rest.startsWith("shch") ? 4 : 3;
      } else if (rest.startsWith("tch") || rest.startsWith("tsch")) {
        mapped = "C";
        used = rest.startsWith("tsch") ? 4 : 3;
      } else if (rest.startsWith("sh")) {
        mapped = "S";
        used = 2;
      } else if (rest.startsWith("ch") || rest.startsWith("ts") || rest.startsWith("tz")) {
        mapped = "C";
        used = 2;
      } else if (rest.startsWith("zh")) {
        mapped = "Z";
        used = 2;
      } else if (rest.startsWith("kh") || rest.startsWith("gh")) {
        mapped = "G";
        used = 2;
      } else if (rest.startsWith("ph")) {
        mapped = "f";
        used = 2;
      } else if (rest.startsWith("th")) {
        mapped = "t";
        used = 2;
      } else if (rest.startsWith("ck")) {
        mapped = "k";
        used = 2;
      } else {
        char c = rest.charAt(0);
        used = 1;
        mapped =
            switch (c) {
              case 'b', 'd', 'f', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z' -> String.valueOf(c);
              case 'g', 'h' -> "G";
              case 'w' -> "v";
              case 'q' -> "k";
              case 'x' -> "ks";
              case 'c' -> rest.length() > 1 && "eiy".indexOf(rest.charAt(1)) >= 0 ? "s" : "k";
              default -> "";
            };
      }
      append(out, mapped);
      i += used;
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String mapped) {
    for (int k = 0; k < mapped.length(); k++) {
      char c = mapped.charAt(k);
      if (out.length() == 0 || out.charAt(out.length() - 1) != c) out.append(c);
    }
  }
}
