package org.kontekst.bot.llm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.knowledge.check.Match;

/**
 * The checks a model-written paragraph must pass before it reaches a person. The sources are the
 * report's matches, numbered from 1 in the order the reply lists them. A paragraph is accepted only
 * when:
 *
 * <ul>
 *   <li>it is not empty and at most {@link #MAX_CHARS} characters long;
 *   <li>every bracketed reference is a citation such as [1] or [1, 2] of a source that exists, and
 *       every sentence of three words or more carries one;
 *   <li>it holds no link (a URL, {@code www.}, {@code t.me/}, an {@code @handle}) and no web
 *       address that the cited sources do not themselves contain;
 *   <li>every number in it (digits, with separators and decimals; citations aside) appears in a
 *       source it cites: title, outlet, passage, or the date of publication;
 *   <li>it is written in the interface language (by script, and for Ukrainian, not in Russian).
 * </ul>
 *
 * Numbers are compared by their digits alone, leading zeros dropped, so "4,8" matches "4.8" and
 * "1 000" matches "1,000"; numbers written as words are not checked.
 */
final class Grounding {

  /** Longest paragraph accepted. */
  static final int MAX_CHARS = 1_000;

  /** Why a paragraph was accepted or refused. */
  enum Verdict {
    ACCEPTED,
    EMPTY,
    TOO_LONG,
    BAD_CITATION,
    UNCITED,
    LINK,
    UNGROUNDED_NUMBER,
    WRONG_LANGUAGE
  }

  /** The verdict and the paragraph as it would be shown (whitespace tidied, citations before full stops). */
  record Result(Verdict verdict, String text) {
    Result {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(text, "text");
    }

    boolean accepted() {
      return verdict == Verdict.ACCEPTED;
    }
  }

  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]]*)]");
  private static final Pattern CITATION = Pattern.compile("\\s*\\d{1,3}(?:\\s*,\\s*\\d{1,3})*\\s*");
  private static final Pattern CITATION_AFTER_STOP =
      Pattern.compile("([.!?…])\\s*((?:\\[[\\d,\\s]+]\\s*)*\\[[\\d,\\s]+])");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}«\"“„(])");
  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?|ftp)://|\\bwww\\.|\\bt\\.me/|(?<![\\p{L}\\p{N}.])@[\\p{L}\\p{N}_]{3,}");
  private static final Pattern DOMAIN =
      Pattern.compile("(?i)\\b[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:com|org|net|info|io|ru|ua|рф|me|news|tv|co|uk|eu|gov|de|fr|pl|by|su|app|site|online|xyz)\\b");
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<date>\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})(?![.,]?\\d)"
              + "|\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)*");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private Grounding() {}

  static Result check(String output, List<Match> sources, InterfaceLanguage language) {
    String text = tidy(output);
    if (text.isEmpty()) {
      return new Result(Verdict.EMPTY, text);
    }
    if (text.length() > MAX_CHARS) {
      return new Result(Verdict.TOO_LONG, text);
    }
    Set<Integer> cited = new TreeSet<>();
    Matcher brackets = BRACKETED.matcher(text);
    while (brackets.find()) {
      if (!CITATION.matcher(brackets.group(1)).matches()) {
        return new Result(Verdict.BAD_CITATION, text);
      }
      for (String n : brackets.group(1).split(",")) {
        int source = Integer.parseInt(n.strip());
        if (source < 1 || source > sources.size()) {
          return new Result(Verdict.BAD_CITATION, text);
        }
        cited.add(source);
      }
    }
    if (cited.isEmpty()) {
      return new Result(Verdict.UNCITED, text);
    }
    String outsideCitations = BRACKETED.matcher(text).replaceAll(" ");
    if (outsideCitations.indexOf('[') >= 0 || outsideCitations.indexOf(']') >= 0) {
      return new Result(Verdict.BAD_CITATION, text);
    }
    String[] sentences = SENTENCE_END.split(text);
    for (String sentence : sentences) {
      if (countWords(sentence) >= 3 && !BRACKETED.matcher(sentence).find()) {
        return new Result(Verdict.UNCITED, text);
      }
    }
    List<Match> citedSources = new ArrayList<>();
    for (int n : cited) {
      citedSources.add(sources.get(n - 1));
    }
    String sourceText = sourceText(citedSources).toLowerCase(Locale.ROOT);
    String prose = outsideCitations;
    if (URL.matcher(prose).find()) {
      return new Result(Verdict.LINK, text);
    }
    Matcher domains = DOMAIN.matcher(prose);
    while (domains.find()) {
      if (!sourceText.contains(domains.group().toLowerCase(Locale.ROOT))) {
        return new Result(Verdict.LINK, text);
      }
    }
    Set<String> known = numbers(sourceText);
    known.addAll(monthNumbers(sourceText));
    for (LocalDate date : citedSources.stream().map(Match::published).filter(Objects::nonNull).toList()) {
      known.add(Integer.toString(date.getYear()));
      known.add(Integer.toString(date.getMonthValue()));
      known.add(Integer.toString(date.getDayOfMonth()));
    }
    if (!known.containsAll(numbers(prose))) {
      return new Result(Verdict.UNGROUNDED_NUMBER, text);
    }
    if (!inLanguage(prose, language, 0.6)) {
      return new Result(Verdict.WRONG_LANGUAGE, text);
    }
    for (String sentence : sentences) {
      if (countWords(sentence) >= 3 && !inLanguage(BRACKETED.matcher(sentence).replaceAll(" "), language, 0.5)) {
        return new Result(Verdict.WRONG_LANGUAGE, text);
      }
    }
    return new Result(Verdict.ACCEPTED, text);
  }

  /** One paragraph: whitespace collapsed, wrapping quotes and markdown emphasis dropped, "text. [1]" as "text [1]." */
  static String tidy(String output) {
    if (output == null) {
      return "";
    }
    String text = output.replace("**", "").replace("__", "").replaceAll("\\s+", " ").strip();
    if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    return CITATION_AFTER_STOP.matcher(text).replaceAll(r -> Matcher.quoteReplacement(r.group(2).strip() + r.group(1)))
        .replaceAll("(\\S)(\\[)", "$1 $2");
  }

  /**
   * The canonical forms of the numbers in {@code text}: digits only, without leading zeros; a date
   * such as 19.03.2022 gives its day, month and year.
   */
  static Set<String> numbers(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String[] parts = m.group("date") != null ? m.group().split("[./]") : new String[] {m.group()};
      for (String part : parts) {
        out.add(part.replaceAll("\\D", "").replaceFirst("^0+(?=\\d)", ""));
      }
    }
    return out;
  }

  /** Month names in English, Ukrainian and Russian, by stem, so that "19 March" grounds "19.03". */
  private static final List<List<String>> MONTHS =
      List.of(
          List.of("jan", "січ", "январ"),
          List.of("feb", "лют", "феврал"),
          List.of("mar", "берез", "март"),
          List.of("apr", "квіт", "апрел"),
          List.of("may", "трав", "мая", "май"),
          List.of("jun", "черв", "июн"),
          List.of("jul", "лип", "июл"),
          List.of("aug", "серп", "август"),
          List.of("sep", "верес", "сентябр"),
          List.of("oct", "жовт", "октябр"),
          List.of("nov", "листопад", "ноябр"),
          List.of("dec", "груд", "декабр"));

  private static Set<String> monthNumbers(String lowerCaseText) {
    Set<String> out = new HashSet<>();
    Matcher words = WORD.matcher(lowerCaseText);
    while (words.find()) {
      String word = words.group();
      for (int month = 0; month < MONTHS.size(); month++) {
        for (String stem : MONTHS.get(month)) {
          if (word.startsWith(stem)) {
            out.add(Integer.toString(month + 1));
          }
        }
      }
    }
    return out;
  }

  private static String sourceText(List<Match> sources) {
    StringBuilder out = new StringBuilder();
    for (Match m : sources) {
      out.append(m.title()).append('\n').append(m.outlet()).append('\n').append(m.url()).append('\n');
      out.append(m.passage()).append('\n');
    }
    return out.toString();
  }

  private static int countWords(String sentence) {
    Matcher m = WORD.matcher(BRACKETED.matcher(sentence).replaceAll(" "));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Whether {@code text} is in {@code language}: its script makes up {@code share} of the letters, and Ukrainian is not Russian. */
  private static boolean inLanguage(String text, InterfaceLanguage language, double share) {
    int latin = 0;
    int cyrillic = 0;
    int russianOnly = 0;
    int ukrainianOnly = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (script == Character.UnicodeScript.LATIN) {
        latin++;
      } else if (script == Character.UnicodeScript.CYRILLIC) {
        cyrillic++;
        switch (Character.toLowerCase(c)) {
          case 'ы', 'э', 'ъ', 'ё' -> russianOnly++;
          case 'і', 'ї', 'є', 'ґ' -> ukrainianOnly++;
          default -> {}
        }
      }
    }
    int letters = latin + cyrillic;
    if (letters == 0) {
      return false;
    }
    return switch (language) {
      case EN -> latin >= letters * share;
      case UK -> cyrillic >= letters * share && russianOnly < 3 && (cyrillic < 60 || ukrainianOnly > 0);
    };
  }
}
