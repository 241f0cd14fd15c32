package org.kontekst.knowledge.language;

import java.util.Map;
import java.util.Set;
import org.kontekst.knowledge.article.Languages;

/**
 * Tells Ukrainian from Russian (and the rarer Belarusian, Serbian, Macedonian) in Cyrillic text.
 *
 * <p>Evidence, strongest first: letters only one of the two alphabets has (і ї є ґ and the
 * apostrophe before я ю є ї in Ukrainian; ы э ъ ё in Russian), frequent words that exist in one
 * language only (і, та, що, як, це, від, його / и, что, как, это, от, его), and word endings
 * (Ukrainian past tense -ав/-ив, -ння, -ють; Russian -ие/-ия, -ая, -ое). A short text such as
 * "Велика брехня" has no distinctive letter, so the endings and words carry it.
 */
final class Cyrillic {
  private Cyrillic() {}

  private static final double LETTER = 1.0;
  private static final double WORD = 2.0;
  private static final double ENDING = 0.8;

  // Words that are common in one language and do not exist (or are rare) in the other.
  private static final Set<String> UKRAINIAN_WORDS =
      Set.of(
          "і", "й", "та", "що", "щоб", "це", "як", "від", "його", "її", "їх", "він", "вона",
          "воно", "вони", "ми", "ви", "був", "була", "було", "були", "буде", "будуть", "є",
          "також", "тільки", "лише", "після", "коли", "тому", "який", "яка", "яке", "які",
          "якого", "яких", "якій", "цей", "ця", "ці", "цього", "цих", "вже", "ще", "дуже",
          "можна", "треба", "між", "під", "чи", "хто", "де", "із", "зі", "з", "бо", "адже",
          "проте", "однак", "але", "або", "навіть", "щодо", "сьогодні", "вчора", "мені",
          "неї", "свої", "своїх", "свій", "мій", "бути", "має", "мають", "нібито", "немає",
          "ні", "ніж", "якщо", "теж", "зараз", "більше", "проти", "країни", "міста", "місто",
          "людина", "року", "році", "рік", "заявив", "сказав", "повідомив", "війна", "війни",
          "україна", "україни", "україні", "росія", "росії", "путін", "київ", "києва", "києві",
          "би", "усі", "всі", "наші", "знову", "тих", "тим", "цим", "отже");

  private static final Set<String> RUSSIAN_WORDS =
      Set.of(
          "и", "что", "чтобы", "это", "как", "от", "его", "её", "ее", "их", "он", "она", "оно",
          "они", "мы", "вы", "был", "была", "было", "были", "будет", "будут", "есть", "также",
          "только", "лишь", "после", "когда", "потому", "который", "которая", "которое",
          "которые", "которого", "которых", "этот", "эта", "эти", "этого", "этих", "уже", "ещё",
          "еще", "очень", "можно", "нужно", "надо", "между", "под", "ли", "кто", "где", "из",
          "со", "во", "с", "к", "о", "об", "но", "или", "даже", "сегодня", "вчера", "мне",
          "меня", "нее", "неё", "свои", "своих", "свой", "мой", "быть", "имеет", "якобы", "нет",
          "ни", "чем", "если", "тоже", "сейчас", "больше", "против", "страны", "города", "город",
          "человек", "года", "году", "год", "заявил", "сказал", "сообщил", "война", "войны",
          "украина", "украины", "украине", "россия", "россии", "путин", "киев", "киева", "киеве",
          "бы", "все", "всех", "всё", "снова", "тех", "тем", "этим", "итак");

  /**
   * Weighs the evidence. Distinctive letters, words and endings decide; when they are even (a
   * three-word headline such as "Велика брехня"), the frequencies of the shared letters tip the
   * balance: Russian writes е, и, т, л, ч more often, Ukrainian у, з, ц, щ, ю more often.
   */
  static String detect(Iterable<String> words) {
    Map<String, Double> scores = EvidenceLanguageDetector.scores();
    double letterBalance = 0;
    for (String w : words) {
      if (w.isEmpty() || Character.UnicodeScript.of(w.codePointAt(0)) != Character.UnicodeScript.CYRILLIC) {
        continue;
      }
      letters(w, scores);
      if (UKRAINIAN_WORDS.contains(w)) {
        EvidenceLanguageDetector.add(scores, Languages.UKRAINIAN, WORD);
      }
      if (RUSSIAN_WORDS.contains(w)) {
        EvidenceLanguageDetector.add(scores, Languages.RUSSIAN, WORD);
      }
      endings(w, scores);
      letterBalance += letterBalance(w);
    }
    for (String other : new String[] {"be", "mk", "sr"}) {
      if (scores.getOrDefault(other, 0.0) > 0) {
        return other;
      }
    }
    double balance =
        scores.getOrDefault(Languages.UKRAINIAN, 0.0)
            - scores.getOrDefault(Languages.RUSSIAN, 0.0)
            + LETTER_BALANCE_WEIGHT * letterBalance;
    return balance > 0 ? Languages.UKRAINIAN : Languages.RUSSIAN;
  }

  // Small enough that one distinctive word (2.0) still outweighs a sentence of letter frequencies.
  private static final double LETTER_BALANCE_WEIGHT = 0.25;

  /**
   * ln(p_uk / p_ru) of the letters both alphabets share. Ukrainian frequencies were counted on
   * 2.8 million letters of StopFake debunk texts, Russian ones are the standard national-corpus
   * table; both renormalised over the shared letters and rounded to two digits, which is all a
   * tie-breaker needs.
   */
  private static double letterBalance(String w) {
    double sum = 0;
    for (int i = 0; i < w.length(); i++) {
      int k = SHARED_LETTERS.indexOf(w.charAt(i));
      if (k >= 0) {
        sum += LOG_RATIO[k];
      }
    }
    return sum;
  }

  private static final String SHARED_LETTERS = "оаниртвескудлпмзяьбгйцхчюжшщф";
  private static final double[] LOG_RATIO = {
    -0.08, 0.10, 0.15, -0.20, 0.24, -0.16, 0.17, -0.56, -0.15, 0.23, 0.37, 0.10, -0.29, 0.14, -0.09,
    0.40, 0.10, 0.14, -0.01, -0.15, 0.15, 0.82, 0.08, -0.34, 0.38, -0.05, -0.13, 0.45, 0.54
  };

  private static void letters(String w, Map<String, Double> scores) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      switch (c) {
        case 'і', 'ї', 'є', 'ґ' -> EvidenceLanguageDetector.add(scores, Languages.UKRAINIAN, LETTER);
        case 'ы', 'э', 'ъ', 'ё' -> EvidenceLanguageDetector.add(scores, Languages.RUSSIAN, LETTER);
        case '\'' -> EvidenceLanguageDetector.add(scores, Languages.UKRAINIAN, LETTER);
        // Only Belarusian has ў; only the South Slavic alphabets have ј љ њ ђ ћ џ.
        case 'ў' -> EvidenceLanguageDetector.add(scores, "be", LETTER);
        case 'ѓ', 'ќ', 'ѕ' -> EvidenceLanguageDetector.add(scores, "mk", LETTER);
        case 'ј', 'љ', 'њ', 'ђ', 'ћ', 'џ' -> EvidenceLanguageDetector.add(scores, "sr", LETTER);
        default -> {}
      }
    }
    // Russian has no "ьо" (it writes ё); Ukrainian its "його", "сьогодні", "тьох".
    if (w.contains("ьо")) {
      EvidenceLanguageDetector.add(scores, Languages.UKRAINIAN, LETTER);
    }
  }

  private static void endings(String w, Map<String, Double> scores) {
    if (w.length() < 4) {
      return;
    }
    if (endsWithAny(w, UKRAINIAN_ENDINGS) || hardAdjective(w)) {
      EvidenceLanguageDetector.add(scores, Languages.UKRAINIAN, ENDING);
    }
    if (endsWithAny(w, RUSSIAN_ENDINGS) || w.contains("тся") || doubledConsonant(w)) {
      EvidenceLanguageDetector.add(scores, Languages.RUSSIAN, ENDING);
    }
  }

  // Ukrainian: past tense masculine in -в (заявив, придбав where Russian has -л), nouns in -ння and
  // -ець, third person plural in -ють/-уть, infinitives in -ти, instrumental feminine in -ою/-ею
  // (Russian -ой/-ей), -ць (вулиць), genitive in -и after a hard stem (громади, голови; Russian
  // -ы).
  private static final String[] UKRAINIAN_ENDINGS = {
    "ав", "ив", "ув", "ння", "ець", "ють", "уть", "ати", "ити", "ути", "яти", "ою", "ею", "ць",
    "ади", "оди", "ови"
  };

  // Russian: -ие/-ия/-ию where Ukrainian writes -іє/-ія/-ію, feminine and neuter adjectives in
  // -ая/-ое/-ее/-ую (Ukrainian -а/-е/-у), adjectives in -ой, past tense in -л and -лась/-лись
  // (Ukrainian -в, -лася), present tense in -ает/-ует/-ают (Ukrainian -ає/-ує/-ають),
  // instrumental in -ью (ночью; Ukrainian вночі, ніччю).
  private static final String[] RUSSIAN_ENDINGS = {
    "ие", "ия", "ию", "ая", "яя", "ое", "ее", "ую", "ой", "ал", "ил", "ел", "лась", "лись",
    "ает", "яет", "ует", "еет", "ают", "яют", "уют", "ью"
  };

  private static boolean endsWithAny(String w, String[] endings) {
    for (String e : endings) {
      if (w.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Ukrainian adjectives end in -ий after a hard consonant (новий, житловий), where Russian writes
   * -ый (новый); Russian -ий follows only soft stems and к г х ж ш ч щ.
   */
  private static boolean hardAdjective(String w) {
    return w.endsWith("ий") && "вдтлрмбпзф".indexOf(w.charAt(w.length() - 3)) >= 0;
  }

  /** Russian keeps doubled consonants in loanwords (оккупанты, программа); Ukrainian drops them. */
  private static boolean doubledConsonant(String w) {
    return w.contains("кк") || w.contains("мм") || w.contains("пп") || w.contains("фф")
        || w.contains("рр") || w.contains("бб") || w.contains("гг");
  }
}
