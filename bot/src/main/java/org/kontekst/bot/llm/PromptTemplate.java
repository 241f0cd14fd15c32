package org.kontekst.bot.llm;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt template: a system part and a user part, each with {@code {{variable}}} placeholders.
 * In the file, a line {@code [system]} opens the first part and a line {@code [user]} the second.
 *
 * @param name where the template came from, for messages
 */
public record PromptTemplate(String name, String system, String user) {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{([a-z_]+)}}");
  private static final Pattern SECTION = Pattern.compile("(?m)^\\[(system|user)]\\s*$");

  public PromptTemplate {
    Objects.requireNonNull(name, "name");
    if (system == null || system.isBlank()) {
      throw new IllegalArgumentException(name + ": the [system] part must not be empty");
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException(name + ": the [user] part must not be empty");
    }
    system = system.strip();
    user = user.strip();
  }

  /** Parses a template file's text: a {@code [system]} line, the system part, a {@code [user]} line, the user part. */
  public static PromptTemplate parse(String name, String text) {
    Matcher m = SECTION.matcher(text);
    if (!m.find() || !m.group(1).equals("system") || !text.substring(0, m.start()).isBlank()) {
      throw new IllegalArgumentException(name + ": must start with a line [system]");
    }
    int systemStart = m.end();
    if (!m.find() || !m.group(1).equals("user")) {
      throw new IllegalArgumentException(name + ": needs a line [user] after the system part");
    }
    String system = text.substring(systemStart, m.start());
    int userStart = m.end();
    if (m.find()) {
      throw new IllegalArgumentException(name + ": has a second [" + m.group(1) + "] line");
    }
    return new PromptTemplate(name, system, text.substring(userStart));
  }

  /** The variables the template uses, in order of first use. */
  public Set<String> variables() {
    Set<String> names = new LinkedHashSet<>();
    for (String part : new String[] {system, user}) {
      Matcher m = VARIABLE.matcher(part);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * The filled-in prompt. Values are put in as they are, in one pass: a value that contains
   * {@code {{post}}} stays as it is.
   *
   * @throws IllegalArgumentException when a variable the template uses has no value
   */
  public Prompt fill(Map<String, String> values) {
    return new Prompt(fill(system, values), fill(user, values));
  }

  private String fill(String part, Map<String, String> values) {
    Matcher m = VARIABLE.matcher(part);
    StringBuilder out = new StringBuilder(part.length() + 256);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(name + ": no value for {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A filled-in prompt: the system message and the user message. */
  public record Prompt(String system, String user) {
    public Prompt {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(user, "user");
    }
  }
}
