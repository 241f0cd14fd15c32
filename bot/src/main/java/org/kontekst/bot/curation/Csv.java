package org.kontekst.bot.curation;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields in double quotes may hold commas, newlines and doubled quotes. */
final class Csv {
  private static final int MAX_RECORD = 100_000;

  private Csv() {}

  /** The fields of one line that has no quoted newline. */
  static List<String> fields(String line) {
    try {
      List<String> out = record(new BufferedReader(new java.io.StringReader(line)));
      return out == null ? List.of() : out;
    } catch (IOException e) {
      throw new IllegalStateException("a string reader failed", e);
    }
  }

  /** The next record, or null at the end. */
  static List<String> record(BufferedReader in) throws IOException {
    String line = in.readLine();
    if (line == null) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int length = 0;
    while (true) {
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (quoted) {
          if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (ch == '"') {
            quoted = false;
          } else {
            field.append(ch);
          }
        } else if (ch == '"') {
          quoted = true;
        } else if (ch == ',') {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(ch);
        }
      }
      length += line.length();
      if (!quoted) {
        break;
      }
      line = in.readLine();
      if (line == null || length > MAX_RECORD) {
        throw new IllegalArgumentException("a quoted CSV field is not closed");
      }
      field.append('\n');
    }
    fields.add(field.toString());
    return fields;
  }
}
