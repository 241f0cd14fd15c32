package org.kontekst.knowledge.check;

import java.util.List;
import java.util.Objects;
import org.kontekst.knowledge.wording.Flag;

/**
 * What Kontekst has to say about one post: its detected language, the matching articles (best
 * first, above the confidence threshold) and the loaded wording.
 */
public record Report(Post post, String language, List<Match> matches, List<Flag> flags) {

  public Report {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(language, "language");
    matches = List.copyOf(matches);
    flags = List.copyOf(flags);
  }

  public boolean hasMatch() {
    return !matches.isEmpty();
  }
}
