package org.kontekst.bot.render;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.FlagCategory;

/**
 * The media-literacy checks offered when nothing matches: chosen from what is visible in the post
 * (no source named, numbers without attribution, emotive wording, an old date), topped up with
 * general checks so that there are always two or three.
 */
final class LiteracyCheck {
  /** One check to offer, with the text's key and its argument (an old year), if any. */
  record Tip(String key, String argument) {}

  private static final Pattern URL = Pattern.compile("(?i)(https?://|www\\.|t\\.me/)");
  private static final Pattern ATTRIBUTION =
      Pattern.compile(
          "(?iu)(according to|said|says|reported|reports|source|data from|study|survey"
              + "|за даними|за словами|повідоми|заяви|джерел|дослідженн|опитуванн|зазначи"
              + "|по данным|по словам|сообщи|заяви|источник|исследовани|опрос|отмети)");
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d\\s.,]*\\d\\s*%?|\\d+\\s*%|\\d{2,}");
  private static final Pattern CAPS_WORD = Pattern.compile("\\b\\p{Lu}{6,}\\b", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19[5-9]\\d|20\\d\\d)(?!\\d)");
  private static final Pattern DATE =
      Pattern.compile("(?<!\\d)(\\d{1,2})[./](\\d{1,2})[./](\\d{4})(?!\\d)");

  private final Clock clock;

  LiteracyCheck(Clock clock) {
    this.clock = clock;
  }

  List<Tip> tipsFor(Report report) {
    String text = report.post().text();
    List<Tip> tips = new ArrayList<>(3);
    boolean sourced = URL.matcher(text).find() || ATTRIBUTION.matcher(text).find();
    if (!sourced) {
      tips.add(new Tip("tip.no_source", ""));
      if (NUMBER.matcher(text).find()) {
        tips.add(new Tip("tip.numbers", ""));
      }
    }
    if (isEmotive(report, text)) {
      tips.add(new Tip("tip.emotive", ""));
    }
    oldYear(text).ifPresent(year -> tips.add(new Tip("tip.old_date", year)));
    for (String general : List.of("tip.search", "tip.image")) {
      if (tips.size() >= 2) {
        break;
      }
      tips.add(new Tip(general, ""));
    }
    return tips.size() > 3 ? List.copyOf(tips.subList(0, 3)) : List.copyOf(tips);
  }

  private static boolean isEmotive(Report report, String text) {
    boolean emotiveFlag = report.flags().stream().anyMatch(f -> f.category() == FlagCategory.EMOTIVE);
    long exclamations = text.chars().filter(c -> c == '!').count();
    return emotiveFlag || exclamations >= 2 || CAPS_WORD.matcher(text).find();
  }

  private java.util.Optional<String> oldYear(String text) {
    LocalDate today = LocalDate.now(clock);
    int oldest = Integer.MAX_VALUE;
    Matcher date = DATE.matcher(text);
    while (date.find()) {
      oldest = Math.min(oldest, Integer.parseInt(date.group(3)));
    }
    Matcher year = YEAR.matcher(text);
    while (year.find()) {
      oldest = Math.min(oldest, Integer.parseInt(year.group(1)));
    }
    if (oldest < today.getYear() && oldest >= 1950) {
      return java.util.Optional.of(String.format(Locale.ROOT, "%d", oldest));
    }
    return java.util.Optional.empty();
  }
}
