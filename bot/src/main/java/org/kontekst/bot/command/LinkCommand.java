package org.kontekst.bot.command;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.curation.CurationQueue;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * /link ITEM ARTICLE: answers a queue item with a published article; everyone who sent the post
 * and asked to be told gets one follow-up.
 */
public final class LinkCommand extends CuratorCommand {
  private static final Pattern ARGS =
      Pattern.compile("#?([0-9]{1,18})\\s+([\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,199})");

  private final CurationQueue queue;

  LinkCommand(Texts texts, RoleGate gate, CurationQueue queue, Audit audit) {
    super("link", texts, gate, audit);
    this.queue = Objects.requireNonNull(queue, "queue");
  }

  @Override
  List<Action> curate(CommandContext context) {
    Matcher m = ARGS.matcher(context.args());
    if (!m.matches()) {
      return usage(context);
    }
    long item = Long.parseLong(m.group(1));
    String article = m.group(2);
    CurationQueue.Result result = queue.link(item, article);
    if (result.outcome() == CurationQueue.Outcome.DONE) {
      audit(context, "queue.link", "item=" + item + " article=" + article);
    }
    return context.reply(Html.escape(QueueReplies.of(texts(), context.language(), result, item, article)));
  }
}
