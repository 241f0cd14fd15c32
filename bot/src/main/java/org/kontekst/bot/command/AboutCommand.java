package org.kontekst.bot.command;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/** /about: the size of the knowledge base, its sources and its last update. */
public final class AboutCommand implements Command {
  private static final int MAX_SOURCES = 12;

  private final Texts texts;
  private final Supplier<KnowledgeSummary> summary;

  public AboutCommand(Texts texts, Supplier<KnowledgeSummary> summary) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.summary = Objects.requireNonNull(summary, "summary");
  }

  @Override
  public String name() {
    return "about";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return EnumSet.of(ChatKind.PRIVATE, ChatKind.GROUP);
  }

  @Override
  public List<Action> handle(CommandContext context) {
    InterfaceLanguage lang = context.language();
    KnowledgeSummary kb = summary.get();
    String sources =
        kb.sources().isEmpty()
            ? texts.get(lang, "about.no_sources")
            : Html.escape(
                String.join(", ", kb.sources().subList(0, Math.min(MAX_SOURCES, kb.sources().size())))
                    + (kb.sources().size() > MAX_SOURCES ? ", …" : ""));
    String updated =
        kb.lastUpdated()
            .map(
                t ->
                    DateTimeFormatter.ofPattern(
                            lang == InterfaceLanguage.UK ? "d MMMM yyyy, HH:mm 'UTC'" : "d MMM yyyy, HH:mm 'UTC'",
                            lang.locale())
                        .format(t.atZone(ZoneOffset.UTC)))
            .orElseGet(() -> texts.get(lang, "about.never"));
    return context.reply(texts.get(lang, "about.html", kb.articles(), sources, updated));
  }
}
