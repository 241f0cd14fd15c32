package org.kontekst.bot.command;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * A curator's command that writes and audits what it wrote (/link, /dismiss, /term, /alias):
 * offered in no menu, answered only once {@link RoleGate} let a curator or above through in a
 * private chat, replying with plain-text templates. A subclass says its name and what it does.
 */
abstract class CuratorCommand implements Command {
  private final String name;
  private final Texts texts;
  private final RoleGate gate;
  private final Audit audit;

  CuratorCommand(String name, Texts texts, RoleGate gate, Audit audit) {
    this.name = Objects.requireNonNull(name, "name");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<ChatKind> offeredIn() {
    return Set.of();
  }

  @Override
  public final List<Action> handle(CommandContext context) {
    var refusal = gate.refuse(context, Role.CURATOR);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    return curate(context);
  }

  /** What the command does for a curator. */
  abstract List<Action> curate(CommandContext context);

  /** The template {@code key} filled with {@code args}, escaped, in reply to the command. */
  final List<Action> reply(CommandContext context, String key, Object... args) {
    return context.reply(Html.escape(texts.get(context.language(), key, args)));
  }

  /** The command's usage line (the template NAME.usage). */
  final List<Action> usage(CommandContext context) {
    return reply(context, name + ".usage");
  }

  final Texts texts() {
    return texts;
  }

  /** Records a write by the person who sent the command. */
  final void audit(CommandContext context, String action, String detail) {
    audit.record(context.incoming().userId(), action, detail);
  }

  /** An item's or entry's number as typed, "12" or "#12"; empty for anything else. */
  static OptionalLong number(String word) {
    return word.matches("#?[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(word.replace("#", ""))) : OptionalLong.empty();
  }
}
