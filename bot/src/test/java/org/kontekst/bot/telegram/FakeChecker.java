package org.kontekst.bot.telegram;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.InvalidPostException;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;
import org.kontekst.knowledge.wording.FlagCategory;

/**
 * A hand-written checker for tests: "bucha" matches one article confidently, "grain" matches
 * weakly, "kyiv regime" is a misnaming flag, "horrifying" an emotive one, "many matches" returns
 * ten articles with long passages; "slow" takes 300 ms; "binary" is refused.
 */
public final class FakeChecker implements Checker {
  public static final String BUCHA_URL = "https://example.org/bucha?a=1&b=2";

  @Override
  public Report check(Post post, int maxMatches, double minScore) {
    String text = post.text();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("binary")) {
      throw new InvalidPostException("the post looks like binary data: send text");
    }
    if (lower.contains("slow")) {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<Match> matches = new ArrayList<>();
    if (lower.contains("bucha")) {
      matches.add(
          new Match(
              "kb-101-bucha", "What happened in Bucha", "Example Outlet", BUCHA_URL,
              LocalDate.of(2022, 4, 4), 0.92, "Satellite images show the bodies were there <before> the retreat."));
    }
    if (lower.contains("grain")) {
      matches.add(
          new Match("kb-102-grain", "Grain deal explained", "Outlet B", "https://example.org/grain",
              LocalDate.of(2023, 7, 1), 0.55, "The deal ended in July 2023."));
    }
    if (lower.contains("many matches")) {
      for (int i = 0; i < 10; i++) {
        matches.add(
            new Match("kb-" + i, "Long article " + i, "Outlet", "https://example.org/" + i,
                LocalDate.of(2024, 1, 1 + i), 0.9, ("A long supporting passage number " + i + ". ").repeat(12)));
      }
    }
    List<Flag> flags = new ArrayList<>();
    addFlag(flags, text, "Kyiv regime", FlagCategory.MISNAMING, "Kremlin framing of Ukraine's government.",
        "Кремлівська назва уряду України.", "the Ukrainian government");
    addFlag(flags, text, "horrifying", FlagCategory.EMOTIVE, "Emotive wording.", "Емоційне слово.", "");
    return new Report(post, "en", matches.stream().filter(m -> m.score() >= minScore).toList(), flags);
  }

  private static void addFlag(List<Flag> flags, String text, String word, FlagCategory category, String en, String uk, String suggestion) {
    int at = text.toLowerCase(Locale.ROOT).indexOf(word.toLowerCase(Locale.ROOT));
    if (at >= 0) {
      flags.add(new Flag(text.substring(at, at + word.length()), at, at + word.length(), category, en, uk, suggestion));
    }
  }
}
