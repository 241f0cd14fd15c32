package org.kontekst.bot.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.curation.CurationException;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.curation.Roles;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check every curation command makes before it reads its arguments or touches anything: a
 * private chat (pending articles and the audit are not for groups) and a role at least the one
 * the command needs. Also turns curation failures into replies.
 */
final class RoleGate {
  private static final Logger log = LoggerFactory.getLogger(RoleGate.class);

  private final Roles roles;
  private final Texts texts;

  RoleGate(Roles roles, Texts texts) {
    this.roles = Objects.requireNonNull(roles, "roles");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  /** The outcome of the check: the person's role, or the reply that says no. */
  record Check(Optional<Role> role, List<Action> refusal) {
    boolean allowed() {
      return role.isPresent();
    }
  }

  Check check(CommandContext context, Role needed) {
    if (context.incoming().chatKind() != ChatKind.PRIVATE) {
      return new Check(Optional.empty(), context.reply(Html.escape(texts.get(context.language(), "curation.private_only"))));
    }
    Optional<Role> role = roles.of(context.incoming().userId()).filter(r -> r.atLeast(needed));
    if (role.isEmpty()) {
      String name = texts.get(context.language(), "role." + needed.label());
      return new Check(Optional.empty(), context.reply(Html.escape(texts.get(context.language(), "curation.not_allowed", name))));
    }
    return new Check(role, List.of());
  }

  /** The refusal to send, or empty when the command may go on (the queue's commands ask this way). */
  Optional<List<Action>> refuse(CommandContext context, Role needed) {
    Check check = check(context, needed);
    return check.allowed() ? Optional.empty() : Optional.of(check.refusal());
  }

  /** Shortens what a person typed before it is echoed back. */
  static String shown(String raw) {
    String s = raw.strip();
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  List<Action> usage(CommandContext context, String command) {
    return context.reply(Html.escape(texts.get(context.language(), "usage." + command)));
  }

  /** Runs a curation action, turning its refusals and storage failures into replies. */
  List<Action> run(CommandContext context, java.util.function.Supplier<List<Action>> action) {
    try {
      return action.get();
    } catch (CurationException e) {
      Object[] args = e.args().stream().map(Html::escape).toArray();
      return context.reply(texts.get(context.language(), "curation.error." + e.key(), args));
    } catch (StoreException e) {
      log.error("curation change failed in chat {}", context.incoming().chatId(), e);
      return context.reply(Html.escape(texts.get(context.language(), "curation.failed")));
    }
  }
}
