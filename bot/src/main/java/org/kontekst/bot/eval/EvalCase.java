package org.kontekst.bot.eval;

import java.util.List;
import java.util.Objects;

/** One evaluation case: a post, the articles that answer it, and the loaded wording it holds. */
public record EvalCase(
    String id,
    String language,
    String text,
    List<String> expect,
    List<ExpectedFlag> flags,
    List<String> allowFlags,
    List<String> allowMatches) {

  /** A flag the case expects: the exact substring and its category. */
  public record ExpectedFlag(String text, String category) {}

  public EvalCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    language = language == null ? "" : language;
    expect = List.copyOf(expect);
    flags = List.copyOf(flags);
    allowFlags = List.copyOf(allowFlags);
    allowMatches = List.copyOf(allowMatches);
  }

  /** The reporting group: no-match cases, and positive cases by the kind of their first answer. */
  public String group() {
    if (expect.isEmpty()) return "no-match";
    return expect.get(0).startsWith("kb-") ? "kb-1xx" : "seed";
  }
}
