package org.kontekst.bot.command;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.curation.CurationQueue;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.curation.UsageStats;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.MessageSplitter;
import org.kontekst.bot.render.Texts;

/**
 * /stats [DAYS]: for moderators, aggregate counts only: per post language, checks per day and
 * match rate; the top matched articles and flagged terms; the queue's size.
 */
public final class StatsCommand implements Command {
  private static final int DEFAULT_DAYS = 7;
  private static final int TOP = 10;

  private final Texts texts;
  private final RoleGate gate;
  private final UsageStats stats;
  private final CurationQueue queue;

  StatsCommand(Texts texts, RoleGate gate, UsageStats stats, CurationQueue queue) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.queue = Objects.requireNonNull(queue, "queue");
  }

  @Override
  public String name() {
    return "stats";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return Set.of();
  }

  @Override
  public List<Action> handle(CommandContext context) {
    var refusal = gate.refuse(context, Role.MODERATOR);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    InterfaceLanguage lang = context.language();
    int days = DEFAULT_DAYS;
    if (!context.args().isEmpty()) {
      if (!context.args().matches("[0-9]{1,3}") || Integer.parseInt(context.args()) < 1
          || Integer.parseInt(context.args()) > 366) {
        return context.reply(Html.escape(texts.get(lang, "stats.usage")));
      }
      days = Integer.parseInt(context.args());
    }
    UsageStats.Summary s = stats.summary(days, TOP);
    StringBuilder out = new StringBuilder();
    out.append("<b>").append(Html.escape(texts.get(lang, "stats.title", days))).append("</b>\n\n");
    if (s.languages().isEmpty()) {
      out.append(Html.escape(texts.get(lang, "stats.none"))).append('\n');
    }
    for (UsageStats.LanguageUsage l : s.languages()) {
      out.append(Html.escape(texts.get(lang, "stats.language", l.language().isEmpty() ? "?" : l.language(), l.checks(),
          String.format(Locale.ROOT, "%.1f", l.checks() / (double) days),
          Math.round(100 * l.matchRate())))).append('\n');
      StringBuilder daily = new StringBuilder();
      l.perDay().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
          .forEach(e -> daily.append(daily.length() == 0 ? "" : ", ").append(e.getKey().getMonthValue())
              .append('/').append(e.getKey().getDayOfMonth()).append(": ").append(e.getValue()));
      out.append("  <i>").append(Html.escape(daily.toString())).append("</i>\n");
    }
    appendTop(out, lang, "stats.articles", s.articles());
    appendTop(out, lang, "stats.flags", s.flags());
    out.append('\n').append(Html.escape(texts.get(lang, "stats.queue", queue.openCount(), queue.waitingCount())));
    List<Action> actions = new java.util.ArrayList<>();
    for (String part : MessageSplitter.telegram().split(out.toString())) {
      actions.add(Action.SendText.of(context.incoming().chatId(), null, part));
    }
    return actions;
  }

  private void appendTop(StringBuilder out, InterfaceLanguage lang, String key, List<UsageStats.Count> counts) {
    if (counts.isEmpty()) {
      return;
    }
    out.append('\n').append("<b>").append(Html.escape(texts.get(lang, key))).append("</b>\n");
    int n = 1;
    for (UsageStats.Count c : counts) {
      out.append(n++).append(". ").append(Html.escape(c.name())).append(" — ").append(c.count()).append('\n');
    }
  }
}
