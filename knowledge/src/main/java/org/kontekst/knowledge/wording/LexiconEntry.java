package org.kontekst.knowledge.wording;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the loaded-wording lexicon: a word or phrase in one language, the forms it is
 * written in, what kind of loaded wording it is, and what to tell the reader.
 *
 * <p>{@code category} is a {@link FlagCategory} label ("pejorative") or {@code allow}: an allow
 * entry flags nothing and shields the words it covers ("chicken Kiev"). {@code forms} use the
 * pattern syntax of the lexicon README ("киевск~ режим~", "СВО", "укронацист*"). {@code when} holds
 * optional conditions ("context=прогрем,произош; unless=театр"), empty when there are none.
 */
public record LexiconEntry(
    String language,
    String category,
    List<String> forms,
    String noteEn,
    String noteUk,
    String suggestion,
    String when) {

  /** The languages the lexicon is written for. */
  public static final Set<String> LANGUAGES = Set.of("en", "uk", "ru");

  /** The category of entries that shield words instead of flagging them. */
  public static final String ALLOW = "allow";

  public LexiconEntry {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(forms, "forms");
    language = language.strip().toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language must be en, uk or ru: " + language);
    }
    category = category.strip().toLowerCase(Locale.ROOT);
    if (!category.equals(ALLOW)) {
      FlagCategory.parse(category);
    }
    forms = forms.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
    if (forms.isEmpty()) {
      throw new IllegalArgumentException("an entry needs at least one form");
    }
    for (String form : forms) {
      TermPattern.parse(form);
    }
    noteEn = noteEn == null ? "" : noteEn.strip();
    noteUk = noteUk == null ? "" : noteUk.strip();
    suggestion = suggestion == null ? "" : suggestion.strip();
    when = when == null ? "" : when.strip();
    Conditions.parse(when);
    if (!category.equals(ALLOW) && (noteEn.isEmpty() || noteUk.isEmpty())) {
      throw new IllegalArgumentException(
          "an entry needs a note in English and in Ukrainian: " + forms.get(0));
    }
  }

  /** Whether the entry shields words instead of flagging them. */
  public boolean allows() {
    return category.equals(ALLOW);
  }

  /** The flag category; throws for allow entries, which flag nothing. */
  public FlagCategory flagCategory() {
    if (allows()) {
      throw new IllegalStateException("an allow entry has no flag category: " + forms.get(0));
    }
    return FlagCategory.parse(category);
  }
}
