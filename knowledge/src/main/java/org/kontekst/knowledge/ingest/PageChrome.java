package org.kontekst.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates an article pasted from a web page from the page around it: the title, and the text
 * without navigation, share and comment prompts, view counters, bylines, captions, "Related Posts"
 * blocks with their headline lists, and the outlet's promotion at the end.
 *
 * <p>Every rule is a general cue of page chrome in English, Ukrainian or Russian (a line that is
 * only share buttons, a number followed by "views", a heading that starts a list of other
 * headlines). Rules on single lines only apply to short lines, so a paragraph of the article that
 * happens to mention "comments" or "photo" is never lost.
 */
final class PageChrome {
  private PageChrome() {}

  /** The title and the cleaned text of a raw page. */
  record CleanPage(String title, String text) {}

  private static final int SHORT_LINE = 200;
  private static final int PARAGRAPH_WORDS = 25;
  private static final int HEADLINE_MAX_WORDS = 40;
  private static final int TITLE_MAX = 160;

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final String VIEWS =
      "(?:views?|reads?|переглядів|переглядiв|перегляди|перегляд|просмотров|просмотра|просмотры|просмотр)";
  private static final Pattern VIEW_COUNTER =
      Pattern.compile(
          "[\\p{So}\\p{Sk}•·●|\\s-]*(?:\\d[\\d\\s.,]*[kкK]?\\s*" + VIEWS + "|" + VIEWS
              + "\\s*:?\\s*\\d[\\d\\s.,]*[kкK]?)[\\p{So}\\s]*",
          FLAGS);
  // A line of only emoji, bullets and numbers: a counter whose label was an icon (👁 1245).
  private static final Pattern ICON_COUNTER = Pattern.compile("[\\p{So}\\p{Sk}•·●|\\s]+\\d[\\d\\s.,]*[kкK]?");

  private static final Pattern COMMENT_PROMPT =
      Pattern.compile(
          "(?:\\d+\\s*)?(?:comments?|коментар(?:і|ів)?|комментари(?:й|ев|я|и)?)\\s*(?:\\(\\d+\\))?"
              + "|(?:leave|add|post|write)\\s+a\\s+(?:comment|reply).*"
              + "|(?:log|sign)\\s+in\\s+to\\s+comment.*|(?:show|view|hide)\\s+comments.*"
              + "|your email address will not be published.*"
              + "|(?:залишити|залиште|написати|додати|показати)\\s+коментар.*"
              + "|(?:оставить|оставьте|написать|добавить|показать)\\s+комментари.*",
          FLAGS);

  private static final Set<String> SHARE_CORE =
      Set.of(
          "share", "tweet", "facebook", "twitter", "telegram", "whatsapp", "viber", "linkedin",
          "reddit", "pinterest", "email", "print", "поділитися", "поделиться", "надрукувати",
          "распечатать", "друк", "печать");
  private static final Set<String> SHARE_FILLER =
      Set.of(
          "this", "on", "via", "the", "article", "post", "story", "link", "copy", "x", "e", "mail",
          "посилання", "ссылку", "ссылка", "копіювати", "скопировать", "в", "у", "на", "статтею",
          "статьей", "новиною", "новостью", "і", "и", "and", "or");

  private static final Pattern BYLINE =
      Pattern.compile(
          "(?:by|posted by|written by|author|автор|авторка|текст|text)\\s*:?\\s+[\\p{L}\\p{N}@._' -]{1,60}",
          FLAGS);

  private static final Pattern BREADCRUMB =
      Pattern.compile("(?:home|головна|главная|news|новини|новости)\\s*[»›>|/]\\s*(.+)", FLAGS);
  private static final Pattern BREADCRUMB_SEPARATOR = Pattern.compile("\\s*[»›>|]\\s*");

  // "...27.05.24, 14:20": a link to another article, with the time it was published.
  private static final Pattern TRAILING_TIMESTAMP =
      Pattern.compile(".*\\d{1,2}[./]\\d{1,2}[./]\\d{2,4},?\\s*\\d{1,2}:\\d{2}");

  private static final String MONTH =
      "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|січ|лют|берез|квіт|трав|черв|лип|серп|верес"
          + "|жовт|листоп|груд|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)\\p{L}*\\.?";
  private static final Pattern DATE_LINE =
      Pattern.compile(
          "(?:\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+" + MONTH + "(?:\\s+\\d{4})?"
              + "|" + MONTH + "\\s+\\d{1,2}(?:,?\\s+\\d{4})?)(?:,?\\s*(?:о\\s+|в\\s+|at\\s+)?\\d{1,2}:\\d{2})?"
              + "|\\d{1,2}:\\d{2}(?:,?\\s*\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})?",
          FLAGS);

  private static final Pattern CAPTION =
      Pattern.compile(
          "(?:.*/\\s*(?:photo|фото|ілюстрація|иллюстрация|illustration|скриншот|screenshot)\\b.*"
              + "|\\(?(?:photo|фото|ілюстрація|иллюстрация|illustration|скриншот|screenshot)\\s*:.*)",
          FLAGS);

  private static final Pattern SUBSCRIBE =
      Pattern.compile(
          ".*(?:subscribe to|follow us|join us on|our telegram|sign up for our|newsletter|підписуйтесь"
              + "|підпишіться|стежте за нами|читайте нас|подписывайтесь|подпишитесь|следите за нами"
              + "|наш телеграм|наш telegram|we use cookies).*",
          FLAGS);

  private static final Pattern READ_ALSO_LINE =
      Pattern.compile(
          "(?:read also|read more|see also|also read|related|читайте також|також читайте|читайте также"
              + "|также читайте|дивіться також|смотрите также|по темі|по теме)\\s*[:.—–-].*"
              + "|read more|continue reading|читати далі|читать далее|детальніше|подробнее",
          FLAGS);

  private static final Pattern SMALL_PRINT =
      Pattern.compile(
          "(?:advertisement|реклама|sponsored|ad|партнерський матеріал|партнерский материал)"
              + "|(?:tags|теги|мітки|теґи)\\s*:.*",
          FLAGS);

  // A heading that starts a list of other articles; everything up to the next real paragraph goes.
  private static final Pattern BLOCK_HEADING =
      Pattern.compile(
          "(?:related(?: posts| articles| news| stories)?|you (?:may|might) also like|news by theme"
              + "|more news|more from .{1,40}|more stories|recommended(?: for you)?|popular|most read"
              + "|most popular|latest news|top stories|trending|read also|also read"
              + "|читайте також|читайте также|схожі новини|схожі матеріали|похожие новости|похожие материалы"
              + "|новини за темою|новости по теме|по темі|по теме|популярне|популярное|останні новини"
              + "|последние новости|рекомендуємо|рекомендуем|вам також може сподобатися"
              + "|вам также может понравиться|інші новини|другие новости"
              // The comment section: its heading, often with a count, then the comments.
              + "|(?:comments|коментарі|комментарии)(?:\\s*\\(\\d+\\))?)\\s*:?",
          FLAGS);

  private static final List<String> PROMO_CUES =
      List.of(
          "our readers", "our community", "our journalism", "quality journalism",
          "independent journalism", "support us", "support our", "donate", "become a patron",
          "subscribe", "our experts", "has been working", "for over ", "our team", "join us",
          "invites", "наших читачів", "нашої спільноти", "якісну журналістику",
          "незалежну журналістику", "підтримайте", "підтримати нас", "підписуйтесь", "наша команда",
          "наші експерти", "понад ", "наших читателей", "нашего сообщества",
          "качественную журналистику", "независимую журналистику", "поддержите", "поддержать нас",
          "подписывайтесь", "наши эксперты", "более ");

  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\\p{N}«\"“])");

  /** Cleans {@code page} (normalised text); throws when no article text is left. */
  static CleanPage clean(String page) {
    List<String> kept = new ArrayList<>();
    String breadcrumbTitle = null;
    boolean inList = false;
    for (String raw : page.split("\n", -1)) {
      String line = SPACES.matcher(raw).replaceAll(" ").strip();
      if (line.isEmpty()) {
        continue;
      }
      if (inList) {
        if (words(line) < PARAGRAPH_WORDS) {
          continue;
        }
        inList = false;
      }
      if (line.length() <= SHORT_LINE) {
        if (BLOCK_HEADING.matcher(line).matches()) {
          inList = true;
          continue;
        }
        Matcher crumb = BREADCRUMB.matcher(line);
        if (kept.size() < 3 && crumb.matches() && line.length() < SHORT_LINE) {
          String[] parts = BREADCRUMB_SEPARATOR.split(crumb.group(1));
          breadcrumbTitle = parts[parts.length - 1].strip();
          continue;
        }
        if (isChrome(line)) {
          continue;
        }
      } else if (TRAILING_TIMESTAMP.matcher(line).matches() && line.length() <= 300) {
        continue;
      }
      kept.add(line);
    }
    dropTail(kept);
    if (kept.isEmpty()) {
      throw new ImportException(
          0, "no article text is left after removing page chrome (menus, share and comment prompts,"
              + " headline lists); paste the article's own text");
    }
    return titled(kept, breadcrumbTitle);
  }

  private static boolean isChrome(String line) {
    return VIEW_COUNTER.matcher(line).matches()
        || ICON_COUNTER.matcher(line).matches()
        || COMMENT_PROMPT.matcher(line).matches()
        || isShareLine(line)
        || (words(line) <= 6 && BYLINE.matcher(line).matches())
        || TRAILING_TIMESTAMP.matcher(line).matches()
        || DATE_LINE.matcher(line).matches()
        || (words(line) <= 20 && CAPTION.matcher(line).matches())
        || (words(line) <= 30 && SUBSCRIBE.matcher(line).matches())
        || READ_ALSO_LINE.matcher(line).matches()
        || SMALL_PRINT.matcher(line).matches();
  }

  private static boolean isShareLine(String line) {
    boolean core = false;
    for (String token : line.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (SHARE_CORE.contains(token)) {
        core = true;
      } else if (!SHARE_FILLER.contains(token)) {
        return false;
      }
    }
    return core;
  }

  /**
   * Removes what follows the article: bylines and section labels (a few words without a full
   * stop) and the outlet's promotion (a paragraph with two or more cues such as "our readers",
   * "support us").
   */
  private static void dropTail(List<String> kept) {
    while (kept.size() > 1) {
      String last = kept.get(kept.size() - 1);
      if (isLabel(last) || isPromotion(last)) {
        kept.remove(kept.size() - 1);
      } else {
        break;
      }
    }
  }

  private static boolean isLabel(String line) {
    char end = line.charAt(line.length() - 1);
    return words(line) <= 4 && ".!?…»\"”)".indexOf(end) < 0;
  }

  private static boolean isPromotion(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    int cues = 0;
    for (String cue : PROMO_CUES) {
      if (lower.contains(cue)) {
        cues++;
      }
    }
    return cues >= 2;
  }

  /**
   * Finds the title: the first headline-like line (4 to 40 words, no full stop, in the script of
   * the article) before the first paragraph. Lines above it are the page header (the outlet's
   * name, a slogan) and go. When the page starts with a paragraph, its first sentence is the
   * title and the paragraph stays in the text.
   */
  private static CleanPage titled(List<String> kept, String breadcrumbTitle) {
    Character.UnicodeScript script = mainScript(String.join(" ", kept));
    int firstParagraph = 0;
    while (firstParagraph < kept.size() && !isParagraph(kept.get(firstParagraph))) {
      firstParagraph++;
    }
    int titleAt = -1;
    for (int i = 0; i < Math.min(firstParagraph, 6) && titleAt < 0; i++) {
      String line = kept.get(i);
      if (breadcrumbTitle != null && line.equalsIgnoreCase(breadcrumbTitle)) {
        titleAt = i;
      }
    }
    for (int i = 0; i < Math.min(firstParagraph, 6) && titleAt < 0; i++) {
      String line = kept.get(i);
      int n = words(line);
      if (n >= 4 && n <= HEADLINE_MAX_WORDS && !line.endsWith(".") && mainScript(line) == script) {
        titleAt = i;
      }
    }
    if (titleAt < 0 && firstParagraph > 0 && words(kept.get(0)) <= HEADLINE_MAX_WORDS) {
      titleAt = 0;
    }
    if (titleAt < 0) {
      String title = breadcrumbTitle != null ? breadcrumbTitle : firstSentence(kept.get(0));
      return new CleanPage(title, String.join("\n\n", kept));
    }
    String title = kept.get(titleAt);
    List<String> text = new ArrayList<>();
    for (String line : kept.subList(titleAt + 1, kept.size())) {
      if (!line.equalsIgnoreCase(title)) {
        text.add(line);
      }
    }
    if (text.isEmpty()) {
      // A page of one line: the line is both title and text.
      text.add(title);
    }
    return new CleanPage(shorten(title), String.join("\n\n", text));
  }

  private static boolean isParagraph(String line) {
    return words(line) > HEADLINE_MAX_WORDS || line.length() > 250;
  }

  private static String firstSentence(String paragraph) {
    String[] sentences = SENTENCE_END.split(paragraph, 2);
    return shorten(sentences[0]);
  }

  private static String shorten(String s) {
    if (s.length() <= TITLE_MAX) {
      return s;
    }
    int cut = s.lastIndexOf(' ', TITLE_MAX - 1);
    return s.substring(0, cut > TITLE_MAX / 2 ? cut : TITLE_MAX - 1).strip() + "…";
  }

  private static int words(String line) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      boolean space = Character.isWhitespace(line.charAt(i));
      if (!space && !inWord) {
        n++;
      }
      inWord = !space;
    }
    return n;
  }

  /** The script most letters are in (Latin, Cyrillic...), or COMMON when there are none. */
  private static Character.UnicodeScript mainScript(String s) {
    int latin = 0;
    int cyrillic = 0;
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.LATIN) {
          latin++;
        } else if (script == Character.UnicodeScript.CYRILLIC) {
          cyrillic++;
        } else {
          other++;
        }
      }
    }
    if (latin == 0 && cyrillic == 0 && other == 0) {
      return Character.UnicodeScript.COMMON;
    }
    if (latin >= cyrillic && latin >= other) {
      return Character.UnicodeScript.LATIN;
    }
    return cyrillic >= other ? Character.UnicodeScript.CYRILLIC : Character.UnicodeScript.UNKNOWN;
  }
}
