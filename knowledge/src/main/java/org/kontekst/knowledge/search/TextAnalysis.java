package org.kontekst.knowledge.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns text into {@link Analyzed}: lemmas for lexical search, concepts, quantities and name
 * skeletons for cross-language search, and an English gloss for the embedding model.
 *
 * <p>Cyrillic text is read in both the Ukrainian and the Russian way and the concepts of both are
 * kept, so a post whose language was mistaken between the two still finds its concepts.
 */
final class TextAnalysis {
  private final Lemmatizer lemmatizer;
  private final AliasTable aliases;

  TextAnalysis(Lemmatizer lemmatizer, AliasTable aliases) {
    this.lemmatizer = lemmatizer;
    this.aliases = aliases;
  }

  AliasTable aliases() {
    return aliases;
  }

  /** How many words {@link #analyze} counts in {@code text} ({@link Analyzed#words()}). */
  static int words(String text) {
    List<Token> tokens = Tokenizer.tokenize(text);
    return words(tokens, Token.Script.CYRILLIC) + words(tokens, Token.Script.LATIN);
  }

  private static int words(List<Token> tokens, Token.Script script) {
    int n = 0;
    for (Token t : tokens) {
      if (t.script() == script) n++;
    }
    return n;
  }

  Analyzed analyze(String text, String language) {
    List<Token> tokens = Tokenizer.tokenize(text);
    int cyrillicWords = words(tokens, Token.Script.CYRILLIC);
    int latinWords = words(tokens, Token.Script.LATIN);
    Lemmatizer.Mode primary =
        "ru".equals(language) || (!"uk".equals(language) && looksRussian(tokens))
            ? Lemmatizer.Mode.RUSSIAN
            : Lemmatizer.Mode.UKRAINIAN;
    Lemmatizer.Mode secondary =
        primary == Lemmatizer.Mode.RUSSIAN ? Lemmatizer.Mode.UKRAINIAN : Lemmatizer.Mode.RUSSIAN;

    List<List<String>> lemmas = lemmasOf(tokens, primary);
    List<AliasTable.Hit> all = aliases.find(tokens, lemmas, primary);
    List<AliasTable.Hit> hits = AliasTable.longest(all);

    Set<String> features = new LinkedHashSet<>();
    String[] conceptAt = new String[tokens.size()];
    boolean[] covered = new boolean[tokens.size()];
    AliasTable.Hit[] hitAt = new AliasTable.Hit[tokens.size()];
    for (AliasTable.Hit hit : all) {
      features.add(feature(hit.concept()));
    }
    for (AliasTable.Hit hit : hits) {
      conceptAt[hit.from()] = hit.concept().id();
      hitAt[hit.from()] = hit;
      for (int k = hit.from(); k < hit.to(); k++) covered[k] = true;
    }
    if (cyrillicWords > 0) {
      for (AliasTable.Hit hit : aliases.find(tokens, lemmasOf(tokens, secondary), secondary)) {
        features.add(feature(hit.concept()));
      }
    }

    List<List<String>> terms = new ArrayList<>();
    StringBuilder gloss = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (hitAt[i] != null && !isMultiplier(hitAt[i])) {
        appendWord(gloss, hitAt[i].concept().label());
      }
      Numbers.Reading number = Numbers.read(tokens, i, conceptAt);
      if (number != null) {
        features.add("n:" + number.value());
        appendWord(gloss, number.value());
      }
      if (token.script() == Token.Script.NUMBER) {
        terms.add(List.of(token.surface()));
        continue;
      }
      boolean stop = lemmatizer.isStopword(token, primary);
      if (!stop) {
        terms.add(lemmas.get(i));
      }
      if (!covered[i] && !stop && token.capitalized() && token.surface().length() >= 4) {
        String key = NameKeys.of(token);
        if (!key.isEmpty()) features.add("k:" + key);
        if (token.script() == Token.Script.CYRILLIC) appendWord(gloss, transliterate(token.surface()));
      }
      if (!covered[i] && token.script() == Token.Script.LATIN && !stop) {
        appendWord(gloss, token.surface());
      }
    }
    boolean cyrillic = cyrillicWords > latinWords;
    return new Analyzed(terms, features, gloss.toString(), cyrillic, cyrillicWords + latinWords);
  }

  /**
   * The feature of a concept: {@code e:} for named entities (people, places, organisations,
   * events), {@code c:} for terms and words. Entities are kept apart because a post that names one
   * the article never mentions is likely about something else.
   */
  static String feature(AliasTable.Concept concept) {
    return (concept.isEntity() ? "e:" : "c:") + concept.id();
  }

  private static boolean isMultiplier(AliasTable.Hit hit) {
    return hit.concept().id().startsWith("num_");
  }

  private List<List<String>> lemmasOf(List<Token> tokens, Lemmatizer.Mode mode) {
    List<List<String>> lemmas = new ArrayList<>(tokens.size());
    for (Token token : tokens) {
      lemmas.add(lemmatizer.lemmas(token, mode));
    }
    return lemmas;
  }

  /** Letters only Russian uses outweigh letters only Ukrainian uses. */
  private static boolean looksRussian(List<Token> tokens) {
    int russian = 0;
    int ukrainian = 0;
    for (Token token : tokens) {
      if (token.script() != Token.Script.CYRILLIC) continue;
      String s = token.surface();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == 'ы' || c == 'э' || c == 'ъ') russian++;
        if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ') ukrainian++;
      }
    }
    return russian > ukrainian;
  }

  private static void appendWord(StringBuilder out, String word) {
    if (out.length() > 0) out.append(' ');
    out.append(word);
  }

  private static final Map<Character, String> TRANSLIT =
      Map.ofEntries(
          Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"),
          Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ye"),
          Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "y"), Map.entry('і', "i"),
          Map.entry('ї', "yi"), Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"),
          Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
          Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"),
          Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
          Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ь', ""), Map.entry('ю', "yu"),
          Map.entry('я', "ya"), Map.entry('ы', "y"), Map.entry('э', "e"), Map.entry('ъ', ""),
          Map.entry('\'', ""));

  /** A readable Latin spelling of a Cyrillic word, for the English gloss. */
  static String transliterate(String word) {
    StringBuilder out = new StringBuilder(word.length() + 4);
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      String mapped = TRANSLIT.get(c);
      out.append(mapped == null ? String.valueOf(c) : mapped);
    }
    if (out.length() > 0) out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
    return out.toString();
  }
}
