package org.kontekst.bot.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.curation.AliasCuration;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.MessageSplitter;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.search.AliasEntry;
import org.kontekst.knowledge.search.CuratedAliases;

/**
 * /alias add|list|remove: the curators' lines of the multilingual alias table. Each write reloads
 * the table (the index is rebuilt from stored vectors) and is audited.
 */
public final class AliasCommand implements Command {
  private static final Set<String> KEYS = Set.of("en", "uk", "ru", "other");
  private static final int MAX_LISTED = 100;

  private final Texts texts;
  private final RoleGate gate;
  private final AliasCuration aliases;
  private final Audit audit;

  AliasCommand(Texts texts, RoleGate gate, AliasCuration aliases, Audit audit) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.aliases = Objects.requireNonNull(aliases, "aliases");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public String name() {
    return "alias";
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
    String[] lines = context.args().split("\n");
    String[] head = lines[0].strip().split("\\s+");
    long user = context.incoming().userId();
    switch (head[0]) {
      case "list" -> {
        if (head.length == 1) {
          return list(context, lang);
        }
      }
      case "remove" -> {
        if (head.length == 2 && lines.length == 1 && head[1].matches("#?[0-9]{1,18}")) {
          long id = Long.parseLong(head[1].replace("#", ""));
          if (!aliases.remove(id)) {
            return context.reply(Html.escape(texts.get(lang, "alias.no_such", id)));
          }
          audit.record(user, "alias.remove", "id=" + id);
          return context.reply(Html.escape(texts.get(lang, "alias.removed", id)));
        }
      }
      case "add" -> {
        Optional<Map<String, String>> fields = KeyValues.parse(lines, 1, KEYS);
        if (head.length == 3 && fields.isPresent()) {
          Map<String, String> f = fields.get();
          AliasEntry entry;
          try {
            entry = new AliasEntry(head[1], head[2], forms(f, "en"), forms(f, "uk"), forms(f, "ru"), forms(f, "other"));
          } catch (IllegalArgumentException e) {
            return context.reply(Html.escape(texts.get(lang, "alias.invalid", RoleGate.shown(String.valueOf(e.getMessage())))));
          }
          long id = aliases.add(entry, String.valueOf(user));
          audit.record(user, "alias.add", "id=" + id + " " + entry.concept() + " " + entry.kind());
          return context.reply(Html.escape(texts.get(lang, "alias.added", id, entry.concept())));
        }
      }
      default -> {
        // falls through to the usage line
      }
    }
    return context.reply(Html.escape(texts.get(lang, "alias.usage")));
  }

  private static List<String> forms(Map<String, String> fields, String key) {
    String value = fields.get(key);
    return value == null ? List.of() : Arrays.asList(value.split("\\|"));
  }

  private List<Action> list(CommandContext context, InterfaceLanguage lang) {
    List<CuratedAliases.Stored> all = aliases.list();
    if (all.isEmpty()) {
      return context.reply(Html.escape(texts.get(lang, "alias.empty")));
    }
    StringBuilder out = new StringBuilder();
    for (CuratedAliases.Stored s : all.subList(Math.max(0, all.size() - MAX_LISTED), all.size())) {
      AliasEntry e = s.entry();
      List<String> forms = new ArrayList<>(e.en());
      forms.addAll(e.uk());
      forms.addAll(e.ru());
      forms.addAll(e.other());
      out.append("<b>#").append(s.id()).append("</b> ").append(Html.escape(e.concept() + " (" + e.kind() + ")"))
          .append(": ").append(Html.escape(String.join(" | ", forms))).append('\n');
    }
    List<Action> actions = new ArrayList<>();
    for (String part : MessageSplitter.telegram().split(out.toString())) {
      actions.add(Action.SendText.of(context.incoming().chatId(), null, part));
    }
    return actions;
  }
}
