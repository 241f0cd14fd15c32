package org.kontekst.bot.command;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.curation.CurationQueue;
import org.kontekst.bot.curation.QueueItem;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.MessageSplitter;
import org.kontekst.bot.render.Texts;

/**
 * /queue [N]: the open items of the curation queue for curators, most posts first, then the most
 * recent; each with its counts and, when someone consented, the text they sent.
 */
public final class QueueCommand implements Command {
  private static final int DEFAULT = 10;
  private static final int MAX = 30;
  private static final int MAX_SAMPLE = 400;

  private final Texts texts;
  private final RoleGate gate;
  private final CurationQueue queue;

  QueueCommand(Texts texts, RoleGate gate, CurationQueue queue) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.queue = Objects.requireNonNull(queue, "queue");
  }

  @Override
  public String name() {
    return "queue";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return Set.of();
  }

  @Override
  public List<Action> handle(CommandContext context) {
    var refusal = gate.refuse(context, Role.CURATOR);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    InterfaceLanguage lang = context.language();
    int limit = DEFAULT;
    if (!context.args().isEmpty()) {
      if (!context.args().matches("[0-9]{1,2}") || Integer.parseInt(context.args()) < 1
          || Integer.parseInt(context.args()) > MAX) {
        return context.reply(Html.escape(texts.get(lang, "queue.usage", MAX)));
      }
      limit = Integer.parseInt(context.args());
    }
    List<QueueItem> items = queue.open(limit);
    if (items.isEmpty()) {
      return context.reply(Html.escape(texts.get(lang, "queue.empty")));
    }
    DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM HH:mm", lang.locale()).withZone(ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(2048);
    out.append("<b>").append(Html.escape(texts.get(lang, "queue.title", items.size()))).append("</b>\n\n");
    for (QueueItem item : items) {
      out.append("<b>#").append(item.id()).append("</b> · ")
          .append(Html.escape(texts.get(lang, "queue.counts", item.count(), item.unmatched(), item.sent())))
          .append(" · ").append(Html.escape(item.language().isEmpty() ? "?" : item.language()))
          .append(" · ").append(Html.escape(when.format(item.lastSeen())));
      if (item.waiting() > 0) {
        out.append(" · ").append(Html.escape(texts.get(lang, "queue.waiting", item.waiting())));
      }
      out.append('\n');
      if (!item.forwardedFrom().isBlank()) {
        out.append("↪ <i>").append(Html.escape(item.forwardedFrom())).append("</i>\n");
      }
      if (item.sample().isBlank()) {
        String key = item.sent() > 0 ? "queue.text_erased" : "queue.no_text";
        out.append("<i>").append(Html.escape(texts.get(lang, key))).append("</i>\n\n");
      } else {
        String sample = item.sample().strip();
        if (sample.length() > MAX_SAMPLE) {
          sample = sample.substring(0, MAX_SAMPLE) + "…";
        }
        out.append("<blockquote>").append(Html.escape(sample)).append("</blockquote>\n\n");
      }
    }
    out.append(Html.escape(texts.get(lang, "queue.footer")));
    List<String> parts = MessageSplitter.telegram().split(out.toString());
    List<Action> actions = new java.util.ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      actions.add(
          Action.SendText.of(
              context.incoming().chatId(), i == 0 ? context.incoming().message().messageId() : null, parts.get(i)));
    }
    return actions;
  }
}
