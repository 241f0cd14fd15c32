package org.kontekst.knowledge.wording;

import java.util.Objects;

/**
 * One loaded word or phrase found in a post.
 *
 * <p>{@code start} and {@code end} are UTF-16 offsets into the original post, half-open, as
 * Telegram message entities count them; {@code text} is exactly that substring. Notes are given in
 * English and Ukrainian; {@code suggestion} is a neutral alternative, or empty when none exists.
 */
public record Flag(
    String text,
    int start,
    int end,
    FlagCategory category,
    String noteEn,
    String noteUk,
    String suggestion) {

  public Flag {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(category, "category");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("flag span must be non-empty: [" + start + ", " + end + ")");
    }
    if (end - start != text.length()) {
      throw new IllegalArgumentException("flag text length must equal its span: " + text);
    }
    noteEn = noteEn == null ? "" : noteEn;
    noteUk = noteUk == null || noteUk.isEmpty() ? noteEn : noteUk;
    suggestion = suggestion == null ? "" : suggestion;
  }

  /** The note in the given interface language ("uk" or anything else for English). */
  public String note(String interfaceLanguage) {
    return "uk".equals(interfaceLanguage) ? noteUk : noteEn;
  }
}
