package org.kontekst.bot.render;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;

/**
 * Renders a {@link Report} as the bot's reply: the "forwarded from" line, the matched articles
 * (title linked, outlet, date, supporting passage), the flagged wording, and, when nothing
 * matches, an honest "nothing found" with two or three checks that fit the post and an offer to
 * send it to volunteers. Everything that came from a person or the knowledge base is escaped.
 */
public final class ReplyRenderer {

  /** How much a reply says. */
  public enum Detail {
    /** Everything: for private chats, /check, and groups in verbose mode. */
    FULL,
    /** Matches and flags only, no "nothing found" and no checklist: for quiet groups. */
    CONCISE
  }

  private static final int MAX_PASSAGE = 700;
  private static final int MAX_SOURCE_LABELS = 3;

  private final Texts texts;
  private final LiteracyCheck literacy;
  private final MessageSplitter splitter;

  public ReplyRenderer(Texts texts, Clock clock) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.literacy = new LiteracyCheck(clock);
    this.splitter = MessageSplitter.telegram();
  }

  /** The reply as Telegram HTML messages, each at most 4,096 characters. */
  public List<String> html(Report report, InterfaceLanguage language, Detail detail) {
    return html(report, language, detail, "", List.of());
  }

  /**
   * The reply as Telegram HTML messages, opened by {@code context} (a paragraph written for this
   * report, citing its matches as [1], [2]) unless it is blank, and with what the source registry
   * says about the channel the post came from and the domains it links to.
   */
  public List<String> html(
      Report report, InterfaceLanguage language, Detail detail, String context, List<SourceLabel> sources) {
    return splitter.split(render(report, language, detail, context, Markup.HTML, sources));
  }

  /** The same reply as plain text, for the command line. */
  public String plainText(Report report, String interfaceLanguage) {
    InterfaceLanguage language =
        InterfaceLanguage.parse(interfaceLanguage).orElse(InterfaceLanguage.EN);
    return plainText(report, language, "", List.of());
  }

  /** The same reply as plain text, opened by {@code context} unless it is blank. */
  public String plainText(
      Report report, InterfaceLanguage language, String context, List<SourceLabel> sources) {
    return render(report, language, Detail.FULL, context, Markup.PLAIN, sources).strip();
  }

  /**
   * The follow-up for someone who sent a post to volunteers and asked to be told: the verified
   * article that now gives it context.
   */
  public String notice(
      InterfaceLanguage lang, String title, String url, String outlet, java.time.LocalDate published) {
    Markup m = Markup.HTML;
    StringBuilder out = new StringBuilder(512);
    out.append(m.bold(texts.get(lang, "notice.title"))).append("\n\n");
    out.append(m.text(texts.get(lang, "notice.linked"))).append("\n\n");
    out.append(m.link(title, url)).append('\n');
    String meta = outlet == null ? "" : outlet;
    if (published != null) {
      String date = DateTimeFormatter.ofPattern(dateFormat(lang), lang.locale()).format(published);
      meta = meta.isBlank() ? date : meta + " · " + date;
    }
    if (!meta.isBlank()) {
      out.append(m.italic(meta)).append('\n');
    }
    out.append('\n').append(m.italic(texts.get(lang, "report.footer")));
    return out.toString();
  }

  private String render(
      Report report, InterfaceLanguage lang, Detail detail, String context, Markup m, List<SourceLabel> sources) {
    StringBuilder out = new StringBuilder(1024);
    String from = report.post().forwardedFrom();
    if (!from.isBlank()) {
      out.append("↪ ").append(m.text(texts.get(lang, "report.forwarded"))).append(' ');
      out.append(m.italic(from)).append("\n\n");
    }
    if (!sources.isEmpty()) {
      for (SourceLabel s : sources.subList(0, Math.min(MAX_SOURCE_LABELS, sources.size()))) {
        out.append("ℹ️ ").append(m.text(texts.get(lang, "report.source", s.handle(), s.label())));
        if (!s.note().isBlank()) {
          out.append(' ').append(m.italic("(" + s.note() + ")"));
        }
        out.append('\n');
      }
      out.append('\n');
    }
    if (context != null && !context.isBlank() && report.hasMatch()) {
      out.append(m.text(context.strip())).append('\n');
      out.append(m.italic(texts.get(lang, "report.context.note"))).append("\n\n");
    }
    if (report.hasMatch()) {
      out.append(m.bold(texts.get(lang, "report.found"))).append("\n\n");
      int n = 1;
      for (Match match : report.matches()) {
        appendMatch(out, n++, match, lang, m);
      }
    } else if (detail == Detail.FULL) {
      out.append(m.bold(texts.get(lang, "report.nothing"))).append(' ');
      out.append(m.text(texts.get(lang, "report.nothing.note"))).append("\n\n");
    }
    if (!report.flags().isEmpty()) {
      out.append(m.bold(texts.get(lang, "report.flags"))).append('\n');
      for (Flag flag : report.flags()) {
        appendFlag(out, flag, lang, m);
      }
      out.append('\n');
    }
    if (!report.hasMatch() && detail == Detail.FULL) {
      out.append(m.text(texts.get(lang, "report.tips"))).append('\n');
      for (LiteracyCheck.Tip tip : literacy.tipsFor(report)) {
        out.append("• ").append(m.text(texts.get(lang, tip.key(), tip.argument()))).append('\n');
      }
      out.append('\n').append(m.text(texts.get(lang, "report.volunteers"))).append('\n');
    } else if (report.hasMatch()) {
      out.append(m.italic(texts.get(lang, "report.footer"))).append('\n');
    }
    return out.toString();
  }

  private void appendMatch(StringBuilder out, int n, Match match, InterfaceLanguage lang, Markup m) {
    out.append(n).append(". ").append(m.link(match.title(), match.url())).append('\n');
    String meta = match.outlet();
    if (match.published() != null) {
      String date = DateTimeFormatter.ofPattern(dateFormat(lang), lang.locale()).format(match.published());
      meta = meta.isBlank() ? date : meta + " · " + date;
    }
    if (!meta.isBlank()) {
      out.append(m.italic(meta)).append('\n');
    }
    String passage = match.passage().strip();
    if (!passage.isEmpty()) {
      out.append(m.quote(shorten(passage))).append('\n');
    }
    out.append('\n');
  }

  private void appendFlag(StringBuilder out, Flag flag, InterfaceLanguage lang, Markup m) {
    String quoted = texts.get(lang, "quote.open") + flag.text() + texts.get(lang, "quote.close");
    out.append("• ").append(m.bold(quoted)).append(" — ");
    out.append(m.text(texts.get(lang, "category." + flag.category().label())));
    String note = flag.note(lang.code()).strip();
    if (!note.isEmpty()) {
      out.append(". ").append(m.text(note));
    }
    if (!flag.suggestion().isBlank()) {
      out.append(' ').append(m.text(texts.get(lang, "report.flag.suggestion", flag.suggestion().strip())));
    }
    out.append('\n');
  }

  private static String dateFormat(InterfaceLanguage lang) {
    return lang == InterfaceLanguage.UK ? "d MMMM yyyy" : "d MMM yyyy";
  }

  private static String shorten(String passage) {
    if (passage.length() <= MAX_PASSAGE) {
      return passage;
    }
    int cut = passage.lastIndexOf(' ', MAX_PASSAGE);
    return passage.substring(0, cut > MAX_PASSAGE / 2 ? cut : MAX_PASSAGE) + "…";
  }
}
