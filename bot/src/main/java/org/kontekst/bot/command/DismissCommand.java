package org.kontekst.bot.command;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.curation.CurationQueue;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * /dismiss ITEM: closes a queue item without an article; whoever asked is told that volunteers
 * looked at it.
 */
public final class DismissCommand extends CuratorCommand {
  private final CurationQueue queue;

  DismissCommand(Texts texts, RoleGate gate, CurationQueue queue, Audit audit) {
    super("dismiss", texts, gate, audit);
    this.queue = Objects.requireNonNull(queue, "queue");
  }

  @Override
  List<Action> curate(CommandContext context) {
    OptionalLong item = number(context.args());
    if (item.isEmpty()) {
      return usage(context);
    }
    CurationQueue.Result result = queue.dismiss(item.getAsLong());
    if (result.outcome() == CurationQueue.Outcome.DONE) {
      audit(context, "queue.dismiss", "item=" + item.getAsLong());
    }
    return context.reply(Html.escape(QueueReplies.of(texts(), context.language(), result, item.getAsLong(), "")));
  }
}
