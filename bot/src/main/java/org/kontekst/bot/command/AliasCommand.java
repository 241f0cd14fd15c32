package org.kontekst.bot.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.curation.AliasCuration;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.search.AliasEntry;
import org.kontekst.knowledge.search.CuratedAliases;

/**
 * /alias add|list|remove: the curators' lines of the multilingual alias table. Each write reloads
 * the table (the index is rebuilt from stored vectors) and is audited.
 */
public final class AliasCommand extends TableCommand<AliasEntry> {
  private static final Set<String> KEYS = Set.of("en", "uk", "ru", "other");

  private final AliasCuration aliases;

  AliasCommand(Texts texts, RoleGate gate, AliasCuration aliases, Audit audit) {
    super("alias", texts, gate, audit, KEYS, Set.of());
    this.aliases = Objects.requireNonNull(aliases, "aliases");
  }

  @Override
  AliasEntry entry(String concept, String kind, Map<String, String> fields) {
    return new AliasEntry(concept, kind, forms(fields, "en"), forms(fields, "uk"), forms(fields, "ru"), forms(fields, "other"));
  }

  private static List<String> forms(Map<String, String> fields, String key) {
    String value = fields.get(key);
    return value == null ? List.of() : Arrays.asList(value.split("\\|"));
  }

  @Override
  List<Action> add(CommandContext context, AliasEntry entry) {
    long id = aliases.add(entry, String.valueOf(context.incoming().userId()));
    audit(context, "alias.add", "id=" + id + " " + entry.concept() + " " + entry.kind());
    return reply(context, "alias.added", id, entry.concept());
  }

  @Override
  boolean remove(long id) {
    return aliases.remove(id);
  }

  @Override
  List<Action> list(CommandContext context) {
    return listing(context, aliases.list(), AliasCommand::line);
  }

  private static String line(CuratedAliases.Stored s) {
    AliasEntry e = s.entry();
    List<String> forms = new ArrayList<>(e.en());
    forms.addAll(e.uk());
    forms.addAll(e.ru());
    forms.addAll(e.other());
    return "<b>#" + s.id() + "</b> " + Html.escape(e.concept() + " (" + e.kind() + ")") + ": "
        + Html.escape(String.join(" | ", forms));
  }
}
