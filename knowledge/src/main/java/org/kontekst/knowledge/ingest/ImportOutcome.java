package org.kontekst.knowledge.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What happened to one input file: imported, failed (with the line), or skipped. */
public sealed interface ImportOutcome {

  Path source();

  /** One line for a person: "path: 3 articles", "path:12: message", "path: skipped, ...". */
  String describe();

  /** Stored in one transaction; {@code ids} in file order. */
  record Imported(Path source, List<String> ids) implements ImportOutcome {
    public Imported {
      Objects.requireNonNull(source, "source");
      ids = List.copyOf(ids);
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("an import stores at least one article: " + source);
      }
    }

    @Override
    public String describe() {
      return source + ": " + (ids.size() == 1 ? ids.get(0) : ids.size() + " articles");
    }
  }

  /** Nothing of the file was stored. {@code line} is 1-based, or 0 for the whole file. */
  record Failed(Path source, int line, String message) implements ImportOutcome {
    public Failed {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(message, "message");
      if (line < 0) {
        throw new IllegalArgumentException("line must not be negative: " + line);
      }
    }

    /** "path:line", or the path alone when the whole file is concerned. */
    public String location() {
      return line == 0 ? source.toString() : source + ":" + line;
    }

    @Override
    public String describe() {
      return location() + ": " + message;
    }
  }

  /** Not an article file (by its extension); noted so that a typo in an extension is seen. */
  record Skipped(Path source, String reason) implements ImportOutcome {
    public Skipped {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String describe() {
      return source + ": skipped, " + reason;
    }
  }
}
