package org.kontekst.bot.command;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.curation.CurationQueue;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * /dismiss ITEM: closes a queue item without an article; whoever asked is told that volunteers
 * looked at it.
 */
public final class DismissCommand implements Command {
  private final Texts texts;
  private final RoleGate gate;
  private final CurationQueue queue;
  private final Audit audit;

  DismissCommand(Texts texts, RoleGate gate, CurationQueue queue, Audit audit) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public String name() {
    return "dismiss";
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
    if (!context.args().matches("#?[0-9]{1,18}")) {
      return context.reply(Html.escape(texts.get(lang, "dismiss.usage")));
    }
    long item = Long.parseLong(context.args().replace("#", ""));
    CurationQueue.Result result = queue.dismiss(item);
    if (result.outcome() == CurationQueue.Outcome.DONE) {
      audit.record(context.incoming().userId(), "queue.dismiss", "item=" + item);
    }
    return context.reply(Html.escape(QueueReplies.of(texts, lang, result, item, "")));
  }
}
