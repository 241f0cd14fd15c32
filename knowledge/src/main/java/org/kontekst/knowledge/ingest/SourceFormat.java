package org.kontekst.knowledge.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats the importer reads, told by the file name extension. */
public enum SourceFormat {
  /** A raw pasted article; the first meaningful line is the title, page chrome is removed. */
  TXT("txt"),
  /** Front matter between {@code ---} lines (title, outlet, published, language, url, tags), then the body. */
  MD("md"),
  /** One JSON object per line, with {@code id} and {@code body} besides the front matter fields. */
  JSONL("jsonl"),
  /** schema.org ClaimReview JSON-LD: one object, an array or a {@code @graph}. */
  CLAIM_REVIEW("jsonld");

  private final String extension;

  SourceFormat(String extension) {
    this.extension = extension;
  }

  /** Whether one file holds many articles, each with its own id. */
  public boolean manyArticles() {
    return this == JSONL || this == CLAIM_REVIEW;
  }

  public String extension() {
    return extension;
  }

  /** The format of a file by its extension, case-insensitively; empty for any other file. */
  public static Optional<SourceFormat> of(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.toString().toLowerCase(Locale.ROOT);
    for (SourceFormat f : values()) {
      if (lower.endsWith("." + f.extension) && lower.length() > f.extension.length() + 1) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The file name without this format's extension: the article id of a .txt or .md file. */
  String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - extension.length() - 1);
  }
}
