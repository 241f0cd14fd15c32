package org.kontekst.knowledge.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;

/** A small knowledge base written for the tests: English, Ukrainian and Russian articles. */
public final class Fixtures {
  private Fixtures() {}

  public static Article article(String id, String language, String title, String text) {
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    return new Article(id, title, "Test desk", "https://example.org/" + id, LocalDate.of(2024, 1, 1),
        language, text, text, List.of(), ArticleStatus.PUBLISHED, now, now);
  }

  public static List<Article> articles() {
    return List.of(
        article("dam", "en", "How the Kakhovka dam was destroyed",
            "The Kakhovka dam on the Dnipro river was destroyed in the early hours of 6 June 2023. "
                + "Water flooded villages in the Kherson region on both banks. Engineers say an "
                + "explosion inside the dam body is the most likely cause, while Russian officials "
                + "blamed Ukrainian shelling. Tens of thousands of people lost access to drinking water."),
        article("summit", "en", "Putin and Kim Jong-un sign a partnership treaty in Pyongyang",
            "Vladimir Putin visited Pyongyang on 19 June 2024 and signed a comprehensive strategic "
                + "partnership treaty with Kim Jong-un. The text includes a mutual defence clause. "
                + "Western governments said North Korea had already shipped millions of artillery "
                + "shells to Russia for its war against Ukraine."),
        article("grain", "uk", "Росія вийшла із зернової угоди",
            "Росія в липні 2023 року вийшла з Чорноморської зернової ініціативи. Угода дозволяла "
                + "вивозити українське зерно з портів Одеси попри війну. Після виходу Росії "
                + "українські порти продовжили роботу через власний морський коридор."),
        article("cap", "ru", "Потолок цен на российскую нефть",
            "С декабря 2022 года страны G7 и ЕС ввели потолок цен на российскую нефть в 60 долларов "
                + "за баррель. Западные компании могут перевозить и страховать нефть, только если "
                + "она продана не дороже этой цены."));
  }
}
