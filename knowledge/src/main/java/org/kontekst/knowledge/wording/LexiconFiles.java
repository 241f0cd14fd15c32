package org.kontekst.knowledge.wording;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the bundled lexicon: tab-separated files on the class path under {@code /wording/}, one per
 * language ({@code en.tsv}, {@code uk.tsv}, {@code ru.tsv}) plus the people registry
 * ({@code people.tsv}). Their format is described in {@code /wording/README.md}.
 */
final class LexiconFiles {
  static final List<String> LANGUAGE_FILES = List.of("en", "uk", "ru");

  private LexiconFiles() {}

  /** Every entry of the bundled lexicon. */
  static List<LexiconEntry> entries() {
    List<LexiconEntry> entries = new ArrayList<>();
    for (String language : LANGUAGE_FILES) {
      String resource = "/wording/" + language + ".tsv";
      for (Row row : rows(resource)) {
        try {
          String[] c = row.columns(6);
          entries.add(new LexiconEntry(language, c[0], Arrays.asList(c[1].split("\\s\\|\\s")),
              c[2], c[3], c[4], c[5]));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(resource + " line " + row.line() + ": " + e.getMessage(), e);
        }
      }
    }
    return entries;
  }

  /** The people registry. */
  static List<PersonNames.Person> people() {
    String resource = "/wording/people.tsv";
    List<PersonNames.Person> people = new ArrayList<>();
    for (Row row : rows(resource)) {
      try {
        String[] c = row.columns(5);
        boolean familyFirst = switch (c[1]) {
          case "given-family" -> false;
          case "family-given" -> true;
          default -> throw new IllegalArgumentException(
              "order must be given-family or family-given: " + c[1]);
        };
        people.add(new PersonNames.Person(c[0], familyFirst, names(c[2], familyFirst),
            names(c[3], familyFirst), names(c[4], familyFirst)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(resource + " line " + row.line() + ": " + e.getMessage(), e);
      }
    }
    return people;
  }

  private static List<PersonNames.Name> names(String column, boolean familyFirst) {
    List<PersonNames.Name> names = new ArrayList<>();
    for (String name : column.split(";")) {
      if (!name.isBlank()) {
        names.add(PersonNames.Name.parse(name, familyFirst));
      }
    }
    return names;
  }

  private record Row(int line, String[] cells) {
    String[] columns(int count) {
      String[] result = new String[count];
      for (int i = 0; i < count; i++) {
        result[i] = i < cells.length ? cells[i].strip() : "";
      }
      return result;
    }
  }

  /** Data rows: comment lines (#), blank lines and the header row (first cell "category" or "id") are skipped. */
  private static List<Row> rows(String resource) {
    InputStream in = LexiconFiles.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the lexicon file " + resource + " is missing from the class path");
    }
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        String first = cells[0].strip();
        if (first.equals("category") || first.equals("id")) {
          continue;
        }
        rows.add(new Row(number, cells));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return rows;
  }
}
