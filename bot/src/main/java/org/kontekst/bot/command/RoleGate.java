package org.kontekst.bot.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.curation.Roles;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * The check every curation command makes before it reads or writes anything: the person holds
 * the role, and the chat is private (the queue holds what people sent in confidence; it is never
 * shown in a group).
 */
final class RoleGate {
  private final Roles roles;
  private final Texts texts;

  RoleGate(Roles roles, Texts texts) {
    this.roles = Objects.requireNonNull(roles, "roles");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  /** The refusal to send, or empty when the command may go on. */
  Optional<List<Action>> refuse(CommandContext context, Role role) {
    if (context.incoming().anonymousAdmin() || !roles.has(context.incoming().userId(), role)) {
      return Optional.of(context.reply(Html.escape(texts.get(context.language(), "curation.forbidden"))));
    }
    if (context.incoming().chatKind() != ChatKind.PRIVATE) {
      return Optional.of(context.reply(Html.escape(texts.get(context.language(), "curation.private_only"))));
    }
    return Optional.empty();
  }

  /** Shortens what a person typed before it is echoed back. */
  static String shown(String raw) {
    String s = raw.strip();
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
