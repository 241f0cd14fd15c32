package org.kontekst.bot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.curation.Audit;
import org.kontekst.bot.render.MessageSplitter;
import org.kontekst.bot.render.Texts;

/**
 * A curator's command over a table of curated entries (/term, /alias): "NAME list", "NAME remove
 * ID", and "NAME add A B" followed by "key: value" lines. It answers with the templates
 * NAME.usage, NAME.empty, NAME.invalid, NAME.no_such and NAME.removed, and audits a removal as
 * NAME.remove; a subclass builds, stores and lists its entries.
 *
 * @param <E> an entry as the curator sends it
 */
abstract class TableCommand<E> extends CuratorCommand {
  /** Entries listed at most, the most recent. */
  private static final int MAX_LISTED = 100;

  private final Set<String> keys;
  private final Set<String> required;

  /** {@code keys} may follow "add", those in {@code required} must. */
  TableCommand(String name, Texts texts, RoleGate gate, Audit audit, Set<String> keys, Set<String> required) {
    super(name, texts, gate, audit);
    this.keys = Set.copyOf(Objects.requireNonNull(keys, "keys"));
    this.required = Set.copyOf(Objects.requireNonNull(required, "required"));
  }

  @Override
  final List<Action> curate(CommandContext context) {
    String[] lines = context.args().split("\n");
    String[] head = lines[0].strip().split("\\s+");
    switch (head[0]) {
      case "list" -> {
        if (head.length == 1) {
          return list(context);
        }
      }
      case "remove" -> {
        OptionalLong id = head.length == 2 && lines.length == 1 ? number(head[1]) : OptionalLong.empty();
        if (id.isPresent()) {
          return remove(context, id.getAsLong());
        }
      }
      case "add" -> {
        Optional<Map<String, String>> fields = KeyValues.parse(lines, 1, keys);
        if (head.length == 3 && fields.isPresent() && fields.get().keySet().containsAll(required)) {
          return add(context, head[1], head[2], fields.get());
        }
      }
      default -> {
        // falls through to the usage line
      }
    }
    return usage(context);
  }

  /** The entry the curator sent: the two words after "add" and the "key: value" lines. */
  abstract E entry(String first, String second, Map<String, String> fields);

  /** Stores a valid entry, audits it and says so. */
  abstract List<Action> add(CommandContext context, E entry);

  /** Removes the entry with this id; false when there is none. */
  abstract boolean remove(long id);

  /** Lists the entries, with {@link #listing}. */
  abstract List<Action> list(CommandContext context);

  private List<Action> add(CommandContext context, String first, String second, Map<String, String> fields) {
    E entry;
    try {
      entry = entry(first, second, fields);
    } catch (IllegalArgumentException e) {
      return reply(context, name() + ".invalid", RoleGate.shown(String.valueOf(e.getMessage())));
    }
    return add(context, entry);
  }

  private List<Action> remove(CommandContext context, long id) {
    if (!remove(id)) {
      return reply(context, name() + ".no_such", id);
    }
    audit(context, name() + ".remove", "id=" + id);
    return reply(context, name() + ".removed", id);
  }

  /**
   * The last {@link #MAX_LISTED} of {@code stored}, one HTML line each, as messages to the chat
   * (not in reply: a list may take several); NAME.empty when there is none.
   */
  final <S> List<Action> listing(CommandContext context, List<S> stored, Function<S, String> line) {
    if (stored.isEmpty()) {
      return reply(context, name() + ".empty");
    }
    StringBuilder out = new StringBuilder();
    for (S s : stored.subList(Math.max(0, stored.size() - MAX_LISTED), stored.size())) {
      out.append(line.apply(s)).append('\n');
    }
    List<Action> actions = new ArrayList<>();
    for (String part : MessageSplitter.telegram().split(out.toString())) {
      actions.add(Action.SendText.of(context.incoming().chatId(), null, part));
    }
    return actions;
  }
}
