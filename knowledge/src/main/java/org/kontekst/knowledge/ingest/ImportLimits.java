package org.kontekst.knowledge.ingest;

/**
 * Size limits that keep a wrong or hostile file from exhausting memory. One article (a .txt or .md
 * file, or one .jsonl line) may be at most {@code maxArticleBytes}; a .jsonl file at most
 * {@code maxFileBytes}, because it is read whole so that it can be stored in one transaction.
 */
public record ImportLimits(long maxArticleBytes, long maxFileBytes) {
  /** 5 MB per article (a long report is 100 KB), 100 MB per .jsonl file. */
  public static final ImportLimits DEFAULT = new ImportLimits(5L << 20, 100L << 20);

  public ImportLimits {
    if (maxArticleBytes <= 0) {
      throw new IllegalArgumentException("maxArticleBytes must be positive: " + maxArticleBytes);
    }
    if (maxFileBytes < maxArticleBytes) {
      throw new IllegalArgumentException(
          "maxFileBytes must be at least maxArticleBytes: " + maxFileBytes + " < " + maxArticleBytes);
    }
  }

  static String megabytes(long bytes) {
    return bytes >= (1L << 20)
        ? String.format("%.1f MB", bytes / (double) (1L << 20))
        : String.format("%d KB", Math.max(1, (bytes + 1023) / 1024));
  }
}
