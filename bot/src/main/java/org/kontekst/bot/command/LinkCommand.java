package org.kontekst.bot.command;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.curation.CurationQueue;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * /link ITEM ARTICLE: answers a queue item with a published article; everyone who sent the post
 * and asked to be told gets one follow-up.
 */
public final class LinkCommand implements Command {
  private static final Pattern ARGS =
      Pattern.compile("#?([0-9]{1,18})\\s+([\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,199})");

  private final Texts texts;
  private final RoleGate gate;
  private final CurationQueue queue;
  private final Audit audit;

  LinkCommand(Texts texts, RoleGate gate, CurationQueue queue, Audit audit) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public String name() {
    return "link";
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
    Matcher m = ARGS.matcher(context.args());
    if (!m.matches()) {
      return context.reply(Html.escape(texts.get(lang, "link.usage")));
    }
    long item = Long.parseLong(m.group(1));
    String article = m.group(2);
    CurationQueue.Result result = queue.link(item, article);
    if (result.outcome() == CurationQueue.Outcome.DONE) {
      audit.record(context.incoming().userId(), "queue.link", "item=" + item + " article=" + article);
    }
    return context.reply(Html.escape(QueueReplies.of(texts, lang, result, item, article)));
  }
}
