package org.kontekst.bot.render;

import java.util.Objects;

/**
 * What the source registry says about a channel or domain a post came from or links to.
 *
 * @param handle how the reply names it: "@channel" or "example.com"
 * @param label the fact, e.g. "state-controlled media"
 * @param note where the label comes from, or empty
 */
public record SourceLabel(String handle, String label, String note) {
  public SourceLabel {
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(label, "label");
    note = note == null ? "" : note;
  }
}
