package org.kontekst.knowledge.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Reduces a token to the form under which it is indexed: an English Snowball stem for Latin words,
 * and for Cyrillic words either a Ukrainian lemma (morfologik dictionary, with a light suffix
 * stripper for words it does not know) or a Russian Snowball stem.
 *
 * <p>Thread-safe: the stemmers and dictionary lookups are per thread.
 */
final class Lemmatizer {

  /** How Cyrillic words are reduced. Latin words are reduced the same way in every mode. */
  enum Mode {
    UKRAINIAN,
    RUSSIAN
  }

  private static final Dictionary UKRAINIAN_DICTIONARY = loadUkrainianDictionary();

  private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private static final CharArraySet RUSSIAN_STOP = RussianAnalyzer.getDefaultStopSet();
  private static final CharArraySet UKRAINIAN_STOP = ukrainianStopwords();

  private final ThreadLocal<SnowballStemmer> english = ThreadLocal.withInitial(EnglishStemmer::new);
  private final ThreadLocal<SnowballStemmer> russian = ThreadLocal.withInitial(RussianStemmer::new);
  private final ThreadLocal<DictionaryLookup> ukrainian =
      ThreadLocal.withInitial(() -> new DictionaryLookup(UKRAINIAN_DICTIONARY));

  /**
   * The forms a token is indexed under: one stem, or for a Ukrainian word every lemma the
   * dictionary gives ("Києва" -> київ; "київ" -> кий, київ), so that any reading can match.
   */
  List<String> lemmas(Token token, Mode mode) {
    return switch (token.script()) {
      case LATIN -> List.of(stem(english.get(), token.surface()));
      case CYRILLIC -> mode == Mode.RUSSIAN
          ? List.of(stem(russian.get(), token.surface()))
          : ukrainianLemmas(token.surface());
      default -> List.of(token.surface());
    };
  }

  boolean isStopword(Token token, Mode mode) {
    String s = token.surface();
    return switch (token.script()) {
      case LATIN -> ENGLISH_STOP.contains(s);
      case CYRILLIC -> mode == Mode.RUSSIAN ? RUSSIAN_STOP.contains(s) : UKRAINIAN_STOP.contains(s);
      default -> false;
    };
  }

  private static String stem(SnowballStemmer stemmer, String word) {
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  private List<String> ukrainianLemmas(String word) {
    List<WordData> found = ukrainian.get().lookup(word);
    if (found.isEmpty()) {
      return List.of(stripUkrainianEnding(word));
    }
    List<String> lemmas = new java.util.ArrayList<>(found.size());
    for (WordData data : found) {
      CharSequence stem = data.getStem();
      if (stem == null || stem.length() == 0) continue;
      String lemma = stem.toString().toLowerCase(java.util.Locale.ROOT);
      if (!lemmas.contains(lemma)) lemmas.add(lemma);
    }
    return lemmas.isEmpty() ? List.of(stripUkrainianEnding(word)) : lemmas;
  }

  private static final String[] UKRAINIAN_ENDINGS = {
    "ами", "ями", "ові", "еві", "ого", "ому", "ими", "ій", "ої", "ою", "ею", "ом", "ем", "ів",
    "их", "им", "ах", "ях", "ам", "ям", "а", "я", "у", "ю", "і", "и", "е", "о", "ь"
  };

  /** For words the dictionary does not know, mostly foreign names: "Столтенберга" -> "столтенберг". */
  static String stripUkrainianEnding(String word) {
    if (word.length() <= 4) {
      return word;
    }
    for (String ending : UKRAINIAN_ENDINGS) {
      if (word.endsWith(ending) && word.length() - ending.length() >= 3) {
        return word.substring(0, word.length() - ending.length());
      }
    }
    return word;
  }

  private static CharArraySet ukrainianStopwords() {
    // Read from Lucene's file, not UkrainianMorfologikAnalyzer.getDefaultStopwords(): that loads
    // the analyzer's own copy of the 7 MB dictionary too, a fifth of a second at every start.
    CharArraySet set;
    try (InputStream in = UkrainianMorfologikAnalyzer.class.getResourceAsStream("stopwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("Lucene's Ukrainian stopwords.txt is not on the classpath");
      }
      set = WordlistLoader.getWordSet(new InputStreamReader(in, StandardCharsets.UTF_8), "#", new CharArraySet(512, true));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Lucene's Ukrainian stopwords", e);
    }
    // Lucene's list has "кім" (a dialect pronoun); in the news it is almost always Kim, as in Kim
    // Jong-un, so it must survive to reach the alias table.
    CharArraySet kept = new CharArraySet(set.size(), true);
    for (Object word : set) {
      String w = new String((char[]) word);
      if (!w.equals("кім")) kept.add(w);
    }
    return CharArraySet.unmodifiableSet(kept);
  }

  private static Dictionary loadUkrainianDictionary() {
    URL url = Lemmatizer.class.getResource("/ua/net/nlp/ukrainian.dict");
    if (url == null) {
      throw new IllegalStateException("the Ukrainian morfologik dictionary is not on the classpath");
    }
    try {
      return Dictionary.read(url);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Ukrainian dictionary", e);
    }
  }
}
