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
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.curation.Role;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.MessageSplitter;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.wording.CuratedEntry;
import org.kontekst.knowledge.wording.CuratedLexicon;
import org.kontekst.knowledge.wording.LexiconEntry;

/**
 * /term add|list|remove: the curators' loaded-wording entries (language, category, forms, notes,
 * suggestion). Each write takes effect for the next post and is audited.
 */
public final class TermCommand implements Command {
  private static final Set<String> KEYS = Set.of("forms", "note_en", "note_uk", "suggestion", "when");
  private static final int MAX_LISTED = 100;

  private final Texts texts;
  private final RoleGate gate;
  private final CuratedLexicon lexicon;
  private final Audit audit;

  TermCommand(Texts texts, RoleGate gate, CuratedLexicon lexicon, Audit audit) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public String name() {
    return "term";
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
        if (head.length > 1) {
          break;
        }
        return list(context, lang);
      }
      case "remove" -> {
        if (head.length != 2 || lines.length > 1 || !head[1].matches("#?[0-9]{1,18}")) {
          break;
        }
        long id = Long.parseLong(head[1].replace("#", ""));
        if (!lexicon.remove(id)) {
          return context.reply(Html.escape(texts.get(lang, "term.no_such", id)));
        }
        audit.record(user, "term.remove", "id=" + id);
        return context.reply(Html.escape(texts.get(lang, "term.removed", id)));
      }
      case "add" -> {
        Optional<Map<String, String>> fields = KeyValues.parse(lines, 1, KEYS);
        if (head.length != 3 || fields.isEmpty() || !fields.get().containsKey("forms")) {
          break;
        }
        Map<String, String> f = fields.get();
        LexiconEntry entry;
        try {
          entry =
              new LexiconEntry(
                  head[1], head[2], Arrays.asList(f.get("forms").split("\\|")), f.get("note_en"), f.get("note_uk"),
                  f.get("suggestion"), f.get("when"));
        } catch (IllegalArgumentException e) {
          return context.reply(Html.escape(texts.get(lang, "term.invalid", RoleGate.shown(String.valueOf(e.getMessage())))));
        }
        CuratedEntry added = lexicon.add(entry, String.valueOf(user));
        audit.record(user, "term.add", "id=" + added.id() + " " + entry.language() + " " + entry.category() + " " + entry.forms());
        return context.reply(Html.escape(texts.get(lang, "term.added", added.id(), String.join(" | ", entry.forms()))));
      }
      default -> {
        // falls through to the usage line
      }
    }
    return context.reply(Html.escape(texts.get(lang, "term.usage")));
  }

  private List<Action> list(CommandContext context, InterfaceLanguage lang) {
    List<CuratedEntry> entries = lexicon.list();
    if (entries.isEmpty()) {
      return context.reply(Html.escape(texts.get(lang, "term.empty")));
    }
    StringBuilder out = new StringBuilder();
    for (CuratedEntry e : entries.subList(Math.max(0, entries.size() - MAX_LISTED), entries.size())) {
      LexiconEntry x = e.entry();
      out.append("<b>#").append(e.id()).append("</b> ").append(Html.escape(x.language() + " · " + x.category()))
          .append(" · ").append(Html.escape(String.join(" | ", x.forms())));
      if (!x.suggestion().isEmpty()) {
        out.append(" → ").append(Html.escape(x.suggestion()));
      }
      out.append('\n');
    }
    List<Action> actions = new ArrayList<>();
    for (String part : MessageSplitter.telegram().split(out.toString())) {
      actions.add(Action.SendText.of(context.incoming().chatId(), null, part));
    }
    return actions;
  }
}
