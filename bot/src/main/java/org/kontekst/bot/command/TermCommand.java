package org.kontekst.bot.command;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.wording.CuratedEntry;
import org.kontekst.knowledge.wording.CuratedLexicon;
import org.kontekst.knowledge.wording.LexiconEntry;

/**
 * /term add|list|remove: the curators' loaded-wording entries (language, category, forms, notes,
 * suggestion). Each write takes effect for the next post and is audited.
 */
public final class TermCommand extends TableCommand<LexiconEntry> {
  private static final Set<String> KEYS = Set.of("forms", "note_en", "note_uk", "suggestion", "when");

  private final CuratedLexicon lexicon;

  TermCommand(Texts texts, RoleGate gate, CuratedLexicon lexicon, Audit audit) {
    super("term", texts, gate, audit, KEYS, Set.of("forms"));
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
  }

  @Override
  LexiconEntry entry(String language, String category, Map<String, String> f) {
    return new LexiconEntry(
        language, category, Arrays.asList(f.get("forms").split("\\|")), f.get("note_en"), f.get("note_uk"),
        f.get("suggestion"), f.get("when"));
  }

  @Override
  List<Action> add(CommandContext context, LexiconEntry entry) {
    CuratedEntry added = lexicon.add(entry, String.valueOf(context.incoming().userId()));
    audit(context, "term.add", "id=" + added.id() + " " + entry.language() + " " + entry.category() + " " + entry.forms());
    return reply(context, "term.added", added.id(), String.join(" | ", entry.forms()));
  }

  @Override
  boolean remove(long id) {
    return lexicon.remove(id);
  }

  @Override
  List<Action> list(CommandContext context) {
    return listing(context, lexicon.list(), TermCommand::line);
  }

  private static String line(CuratedEntry e) {
    LexiconEntry x = e.entry();
    String line = "<b>#" + e.id() + "</b> " + Html.escape(x.language() + " · " + x.category()) + " · "
        + Html.escape(String.join(" | ", x.forms()));
    return x.suggestion().isEmpty() ? line : line + " → " + Html.escape(x.suggestion());
  }
}
