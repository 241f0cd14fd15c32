package org.kontekst.bot.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kontekst.bot.chat.InterfaceLanguage;

/**
 * The prompt templates, one per purpose and interface language, named {@code PURPOSE.LANG.txt}:
 * from {@code prompts/} on the classpath (the top-level {@code prompts/} folder, shipped in the
 * jar), each replaced by a file of the same name in an override folder when there is one. All are
 * read and parsed at construction, so a broken template stops the start, naming the file.
 */
public final class Prompts {

  /** What the templates are for. */
  public enum Purpose {
    /** The context paragraph of a reply, citing the matched articles. */
    CONTEXT("context");

    private final String file;

    Purpose(String file) {
      this.file = file;
    }

    /** The file name of this purpose's template in {@code language}. */
    public String fileName(InterfaceLanguage language) {
      return file + "." + language.code() + ".txt";
    }
  }

  private static final String CLASSPATH = "prompts/";

  private final Map<String, PromptTemplate> templates;

  private Prompts(Map<String, PromptTemplate> templates) {
    this.templates = Map.copyOf(templates);
  }

  /** The templates shipped in the jar. */
  public static Prompts bundled() {
    return load(null);
  }

  /**
   * The shipped templates, each overridden by a file of the same name in {@code overrides} if it
   * has one.
   *
   * @param overrides a folder, or {@code null}
   * @throws IllegalArgumentException when {@code overrides} is not a folder, or a template is
   *     missing or malformed
   */
  public static Prompts load(Path overrides) {
    if (overrides != null && !Files.isDirectory(overrides)) {
      throw new IllegalArgumentException("KONTEKST_PROMPTS must name a folder of prompt templates: " + overrides);
    }
    Map<String, PromptTemplate> all = new HashMap<>();
    for (Purpose purpose : Purpose.values()) {
      for (InterfaceLanguage language : InterfaceLanguage.values()) {
        String file = purpose.fileName(language);
        all.put(file, read(overrides, file));
      }
    }
    return new Prompts(all);
  }

  /** The template for {@code purpose} in {@code language}. */
  public PromptTemplate template(Purpose purpose, InterfaceLanguage language) {
    return templates.get(purpose.fileName(Objects.requireNonNull(language, "language")));
  }

  /** Every template, for tests and checks. */
  public List<PromptTemplate> all() {
    return templates.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }

  private static PromptTemplate read(Path overrides, String file) {
    try {
      if (overrides != null && Files.isRegularFile(overrides.resolve(file))) {
        Path path = overrides.resolve(file);
        return PromptTemplate.parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
      }
      try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(CLASSPATH + file)) {
        if (in == null) {
          throw new IllegalArgumentException("no prompt template " + CLASSPATH + file + " on the classpath");
        }
        return PromptTemplate.parse(CLASSPATH + file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read prompt template " + file, e);
    }
  }
}
