package org.kontekst.knowledge.search;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of the alias table as a curator adds it: a concept, its kind and its forms in English,
 * Ukrainian, Russian and other languages. Base forms; the matcher lemmatises and stems.
 */
public record AliasEntry(
    String concept, String kind, List<String> en, List<String> uk, List<String> ru, List<String> other) {

  /** The kinds of concept the table knows. */
  public static final Set<String> KINDS = Set.of("person", "place", "org", "event", "term", "word");

  private static final Pattern CONCEPT = Pattern.compile("[a-z0-9_]{1,80}");
  private static final int MAX_FORM = 200;
  private static final int MAX_FORMS = 40;

  public AliasEntry {
    Objects.requireNonNull(concept, "concept");
    if (!CONCEPT.matcher(concept).matches()) {
      throw new IllegalArgumentException("a concept id is 1-80 of a-z, 0-9, _: " + shown(concept));
    }
    if (!KINDS.contains(Objects.requireNonNull(kind, "kind"))) {
      throw new IllegalArgumentException("kind must be one of " + String.join(", ", KINDS.stream().sorted().toList()) + ": " + shown(kind));
    }
    en = forms(en);
    uk = forms(uk);
    ru = forms(ru);
    other = forms(other);
    int n = en.size() + uk.size() + ru.size() + other.size();
    if (n == 0 || n > MAX_FORMS) {
      throw new IllegalArgumentException("an alias needs 1 to " + MAX_FORMS + " forms");
    }
  }

  private static List<String> forms(List<String> forms) {
    List<String> out = forms == null ? List.of() : forms.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
    for (String f : out) {
      if (f.length() > MAX_FORM || f.chars().anyMatch(c -> c == '|' || c == '\t' || Character.isISOControl(c))) {
        throw new IllegalArgumentException("a form is one line of at most " + MAX_FORM + " characters without | or tabs: " + shown(f));
      }
      if (Tokenizer.tokenize(f).isEmpty()) {
        throw new IllegalArgumentException("a form needs a word: " + shown(f));
      }
    }
    return out;
  }

  /** The entry as a line of the alias table's TSV format. */
  String tsv() {
    return String.join("\t", concept, kind, String.join("|", en), String.join("|", uk), String.join("|", ru), String.join("|", other));
  }

  private static String shown(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
