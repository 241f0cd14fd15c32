package org.kontekst.knowledge.language;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontekst.knowledge.article.Languages;

/**
 * Tells the languages written in Latin script apart by their most frequent words and a few
 * letters only one of them uses. A word shared by several lists ("de", "la", "in") counts for each
 * of them in proportion, so only distinctive words decide.
 */
final class Latin {
  private Latin() {}

  private static final double LETTER = 1.5;

  private static final Map<String, Set<String>> FUNCTION_WORDS =
      Map.of(
          Languages.ENGLISH,
          Set.of(
              "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by",
              "at", "from", "it", "this", "be", "are", "has", "have", "had", "not", "but", "or",
              "an", "his", "her", "they", "their", "he", "she", "we", "will", "would", "said",
              "after", "which", "who", "been", "were", "its", "than", "more", "about", "into",
              "over", "also", "can", "could", "what", "there", "says", "no", "a",
              // Frequent English words of the news that other lists hold as function words
              // ("met" in Dutch, "war" in German): they must not count for those alone.
              "met", "war", "die", "am"),
          "de",
          Set.of(
              "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem", "den",
              "des", "mit", "von", "zu", "auf", "für", "sich", "im", "auch", "als", "es", "wird",
              "werden", "wurde", "hat", "haben", "nach", "bei", "aus", "wie", "noch", "aber",
              "oder", "nur", "über", "sie", "er", "wir", "dass", "vor", "zum", "zur", "sind",
              "war", "einer", "um", "am"),
          "fr",
          Set.of(
              "le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "en", "que", "qui",
              "dans", "pour", "pas", "sur", "au", "aux", "avec", "ce", "cette", "il", "elle",
              "ils", "sont", "ont", "été", "par", "plus", "ne", "se", "son", "sa", "ses", "mais",
              "ou", "leur", "selon", "après"),
          "es",
          Set.of(
              "el", "la", "los", "las", "de", "del", "y", "en", "que", "es", "un", "una", "por",
              "con", "para", "no", "se", "su", "sus", "al", "lo", "como", "más", "pero", "ha",
              "han", "fue", "son", "está", "este", "esta", "entre", "sobre", "también", "tras",
              "según", "ya", "muy", "sin"),
          "it",
          Set.of(
              "il", "lo", "la", "i", "gli", "le", "di", "del", "della", "e", "è", "che", "un",
              "una", "per", "con", "non", "si", "da", "in", "al", "alla", "sono", "ha", "hanno",
              "come", "più", "ma", "anche", "dopo", "questo", "questa", "nel", "nella", "degli",
              "delle"),
          "pt",
          Set.of(
              "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "é", "que", "um", "uma",
              "em", "no", "na", "para", "com", "não", "se", "por", "mais", "mas", "como", "foi",
              "são", "ao", "seu", "sua", "também", "pelo", "pela", "está", "já", "entre", "após"),
          "pl",
          Set.of(
              "i", "w", "z", "na", "nie", "się", "to", "że", "do", "jest", "o", "a", "od", "po",
              "przez", "dla", "jak", "ale", "są", "był", "była", "było", "co", "tak", "jego",
              "jej", "ich", "tym", "ten", "ta", "oraz", "czy", "już", "tylko", "może", "które",
              "który", "która", "został"),
          "nl",
          Set.of(
              "de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "voor",
              "met", "niet", "die", "aan", "er", "ook", "als", "bij", "door", "om", "maar", "nog",
              "worden", "werd", "wordt", "naar", "uit", "over", "heeft", "hebben", "deze", "tot",
              "dan"));

  /** For each function word, how many languages list it. */
  private static final Map<String, Integer> SHARED = shared();

  private static Map<String, Integer> shared() {
    Map<String, Integer> m = new HashMap<>();
    FUNCTION_WORDS.values().forEach(words -> words.forEach(w -> m.merge(w, 1, Integer::sum)));
    return Map.copyOf(m);
  }

  static boolean isFunctionWord(String lowerCasedWord) {
    return SHARED.containsKey(lowerCasedWord);
  }

  /** Weighs the evidence; "und" when there is none (a bare name such as "Rolls-Royce"). */
  static String detect(List<String> words) {
    Map<String, Double> scores = EvidenceLanguageDetector.scores();
    for (String w : words) {
      if (w.isEmpty() || Character.UnicodeScript.of(w.codePointAt(0)) != Character.UnicodeScript.LATIN) {
        continue;
      }
      Integer sharedBy = SHARED.get(w);
      if (sharedBy != null) {
        for (Map.Entry<String, Set<String>> e : FUNCTION_WORDS.entrySet()) {
          if (e.getValue().contains(w)) {
            EvidenceLanguageDetector.add(scores, e.getKey(), 1.0 / sharedBy);
          }
        }
      }
      letters(w, scores);
    }
    // A tie that English is part of goes to English: of the Latin-script languages, it is the
    // one our readers forward, and its flags (misnamed people, loaded labels) are the ones to show.
    return EvidenceLanguageDetector.best(scores, Languages.UNKNOWN, Languages.ENGLISH);
  }

  private static void letters(String w, Map<String, Double> scores) {
    for (int i = 0; i < w.length(); i++) {
      switch (w.charAt(i)) {
        case 'ß' -> EvidenceLanguageDetector.add(scores, "de", LETTER);
        case 'ä', 'ö', 'ü' -> EvidenceLanguageDetector.add(scores, "de", LETTER / 2);
        case 'ñ' -> EvidenceLanguageDetector.add(scores, "es", LETTER);
        case 'ã', 'õ' -> EvidenceLanguageDetector.add(scores, "pt", LETTER);
        case 'ą', 'ę', 'ł', 'ś', 'ź', 'ż', 'ć', 'ń' -> EvidenceLanguageDetector.add(scores, "pl", LETTER);
        case 'œ', 'ê', 'è', 'û', 'ë', 'ï' -> EvidenceLanguageDetector.add(scores, "fr", LETTER / 2);
        case 'ç' -> {
          EvidenceLanguageDetector.add(scores, "fr", LETTER / 2);
          EvidenceLanguageDetector.add(scores, "pt", LETTER / 2);
        }
        case 'ò', 'ì' -> EvidenceLanguageDetector.add(scores, "it", LETTER / 2);
        default -> {}
      }
    }
  }
}
