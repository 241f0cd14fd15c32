package org.kontekst.bot.llm;

import java.time.LocalDate;
import java.util.List;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;
import org.kontekst.knowledge.wording.FlagCategory;

/** A report about Bucha with two sources, and paragraphs a well-behaved model would write about it. */
final class Sources {
  private Sources() {}

  static final Match BUCHA =
      new Match(
          "kb-101-bucha",
          "What happened in Bucha",
          "Example Outlet",
          "https://example.org/bucha",
          LocalDate.of(2022, 4, 4),
          0.92,
          "Satellite images taken on 19 March 2022 show bodies on Yablunska Street before Russian troops left the town.");

  static final Match IMAGES =
      new Match(
          "kb-102-images",
          "Who published the Bucha images",
          "Outlet B",
          "https://example.org/images",
          LocalDate.of(2022, 4, 5),
          0.71,
          "Maxar Technologies released the images, which were checked against 412 reported deaths.");

  static final String GOOD_EN =
      "Satellite images taken on 19 March 2022 show bodies on Yablunska Street before Russian troops left the town [1]. "
          + "Maxar Technologies released them, and they were checked against 412 reported deaths [2].";

  static final String GOOD_UK =
      "Супутникові знімки від 19 березня 2022 року показують тіла на вулиці Яблунській ще до того, як російські війська залишили місто [1]. "
          + "Знімки оприлюднила компанія Maxar Technologies, їх звірили з 412 повідомленими смертями [2].";

  static Report report(String post) {
    Flag flag = new Flag("staged", post.indexOf("staged") < 0 ? 0 : post.indexOf("staged"), (post.indexOf("staged") < 0 ? 0 : post.indexOf("staged")) + 6,
        FlagCategory.EMOTIVE, "Asserts a fake without evidence.", "Стверджує про фейк без доказів.", "");
    List<Flag> flags = post.contains("staged") ? List.of(flag) : List.of();
    return new Report(new Post("1", post, "", ""), "en", List.of(BUCHA, IMAGES), flags);
  }

  static Report report() {
    return report("The Bucha massacre was staged after the Russian army left, on 30 March.");
  }
}
