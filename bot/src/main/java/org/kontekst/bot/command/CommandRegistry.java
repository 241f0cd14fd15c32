package org.kontekst.bot.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The commands by name, in the order they are offered in the menu. */
public final class CommandRegistry {
  private final Map<String, Command> byName = new LinkedHashMap<>();

  public CommandRegistry(List<Command> commands) {
    for (Command command : commands) {
      if (!command.name().matches("[a-z0-9_]{1,32}")) {
        throw new IllegalArgumentException("command name must be 1-32 of a-z, 0-9, _: " + command.name());
      }
      if (byName.putIfAbsent(command.name(), command) != null) {
        throw new IllegalArgumentException("two commands named " + command.name());
      }
    }
  }

  public Optional<Command> find(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  public List<Command> all() {
    return List.copyOf(byName.values());
  }
}
