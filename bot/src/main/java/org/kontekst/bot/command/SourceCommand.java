package org.kontekst.bot.command;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.curation.ListedSource;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.curation.SourceRegistry;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * /source list | add channel|domain HANDLE | LABEL | NOTE | remove channel|domain HANDLE: the
 * source registry from inside the bot. Curators read it; moderators change it, since its labels
 * appear in public replies.
 */
public final class SourceCommand implements Command {
  private static final int LIST_LIMIT = 50;

  private final Texts texts;
  private final RoleGate gate;
  private final SourceRegistry sources;
  private final Audit audit;

  SourceCommand(Texts texts, RoleGate gate, SourceRegistry sources, Audit audit) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.sources = Objects.requireNonNull(sources, "sources");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public String name() {
    return "source";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return Set.of();
  }

  @Override
  public List<Action> handle(CommandContext context) {
    String args = context.args().strip();
    String verb = args.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    boolean change = verb.equals("add") || verb.equals("remove");
    var refusal = gate.refuse(context, change ? Role.MODERATOR : Role.CURATOR);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    InterfaceLanguage lang = context.language();
    String rest = args.length() > verb.length() ? args.substring(verb.length()).strip() : "";
    switch (verb) {
      case "list" -> {
        return list(context, lang);
      }
      case "add" -> {
        return add(context, lang, rest);
      }
      case "remove" -> {
        return remove(context, lang, rest);
      }
      default -> {
        return usage(context, lang);
      }
    }
  }

  private List<Action> list(CommandContext context, InterfaceLanguage lang) {
    List<ListedSource> listed = sources.list(LIST_LIMIT);
    if (listed.isEmpty()) {
      return context.reply(Html.escape(texts.get(lang, "source.none")));
    }
    StringBuilder out = new StringBuilder(Html.escape(texts.get(lang, "source.list", sources.size())));
    for (ListedSource s : listed) {
      out.append('\n').append("• ").append(s.kind() == ListedSource.Kind.CHANNEL ? "@" : "")
          .append(Html.escape(s.handle())).append(" — ").append(Html.escape(s.label()));
      if (!s.note().isBlank()) out.append(" <i>(").append(Html.escape(s.note())).append(")</i>");
    }
    return context.reply(out.toString());
  }

  private List<Action> add(CommandContext context, InterfaceLanguage lang, String rest) {
    String[] parts = rest.split("\\|", -1);
    String[] head = parts[0].strip().split("\\s+");
    if (parts.length < 2 || head.length != 2) {
      return usage(context, lang);
    }
    ListedSource.Kind kind = kind(head[0]);
    if (kind == null) {
      return usage(context, lang);
    }
    ListedSource source;
    try {
      source = new ListedSource(kind, head[1], "", parts[1], parts.length > 2 ? parts[2] : "");
    } catch (IllegalArgumentException e) {
      return context.reply(Html.escape(texts.get(lang, "source.bad", RoleGate.shown(e.getMessage()))));
    }
    sources.put(source, "telegram:" + context.incoming().userId());
    audit.record(context.incoming().userId(), "source.add", kind + " " + source.handle() + " | " + source.label());
    return context.reply(Html.escape(texts.get(lang, "source.added", source.handle())));
  }

  private List<Action> remove(CommandContext context, InterfaceLanguage lang, String rest) {
    String[] head = rest.split("\\s+");
    ListedSource.Kind kind = head.length == 2 ? kind(head[0]) : null;
    if (kind == null) {
      return usage(context, lang);
    }
    boolean removed;
    try {
      removed = sources.remove(kind, head[1]);
    } catch (IllegalArgumentException e) {
      return context.reply(Html.escape(texts.get(lang, "source.bad", RoleGate.shown(e.getMessage()))));
    }
    if (!removed) {
      return context.reply(Html.escape(texts.get(lang, "source.missing", RoleGate.shown(head[1]))));
    }
    audit.record(context.incoming().userId(), "source.remove", kind + " " + head[1]);
    return context.reply(Html.escape(texts.get(lang, "source.removed", RoleGate.shown(head[1]))));
  }

  private static ListedSource.Kind kind(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "channel" -> ListedSource.Kind.CHANNEL;
      case "domain" -> ListedSource.Kind.DOMAIN;
      default -> null;
    };
  }

  private List<Action> usage(CommandContext context, InterfaceLanguage lang) {
    return context.reply(Html.escape(texts.get(lang, "source.usage")));
  }
}
