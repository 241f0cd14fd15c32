package org.kontekst.knowledge.wording;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The misnaming engine: a registry of people with their names in English, Ukrainian and Russian,
 * and the check that finds a registered surname in English text with a first name that is not this
 * person's English one but another language's form of it ("Volodymyr Putin", "Vladimir Zelensky",
 * "Kim Chen In").
 *
 * <p>First names are compared by {@link NameKey}, so unseen transliterations ("Volodimir Putin") are
 * caught too. A combination that is the correct English name of any registered person with that
 * surname is never flagged: Kim Jong-il is Kim Jong-un's father, not a misspelling. Unknown first
 * names are left alone: the engine only speaks when it knows the name.
 */
final class PersonNames {

  /** A registered person: English forms (the first is preferred) and Ukrainian and Russian ones. */
  record Person(String id, boolean familyFirst, List<Name> english, List<Name> ukrainian,
      List<Name> russian) {
    Person {
      Objects.requireNonNull(id, "id");
      english = List.copyOf(english);
      ukrainian = List.copyOf(ukrainian);
      russian = List.copyOf(russian);
      if (english.isEmpty()) {
        throw new IllegalArgumentException("a person needs an English name: " + id);
      }
    }

    String preferred() {
      return english.get(0).full();
    }
  }

  /** A name split into the given name(s) and the family name. */
  record Name(String full, String given, String family) {
    static Name parse(String full, boolean familyFirst) {
      String name = full.strip();
      int cut = familyFirst ? name.indexOf(' ') : name.lastIndexOf(' ');
      if (cut <= 0) {
        throw new IllegalArgumentException("a name needs a given and a family name: " + full);
      }
      String first = name.substring(0, cut).strip();
      String second = name.substring(cut + 1).strip();
      return familyFirst ? new Name(name, second, first) : new Name(name, first, second);
    }
  }

  /** A misnaming found in the text: letters {@code [from, to)} and the flag's words. */
  record Found(int from, int to, String noteEn, String noteUk, String suggestion) {}

  private final Map<String, List<Person>> byFamily = new HashMap<>();
  private final Map<Person, Set<String>> englishKeys = new HashMap<>();
  private final Map<Person, Map<String, String>> foreignKeys = new HashMap<>();
  /** Whose first name each key is, in any language: to catch one person's first name on another. */
  private final Map<String, Person> givenOwners = new HashMap<>();

  PersonNames(List<Person> people) {
    for (Person person : people) {
      for (List<Name> names : List.of(person.english(), person.ukrainian(), person.russian())) {
        for (Name name : names) {
          givenOwners.putIfAbsent(NameKey.of(name.given()), person);
        }
      }
    }
    for (Person person : people) {
      for (Name name : person.english()) {
        String family = normalize(name.family());
        List<Person> list = byFamily.computeIfAbsent(family, f -> new ArrayList<>());
        if (!list.contains(person)) {
          list.add(person);
        }
      }
      Set<String> own = new HashSet<>();
      for (Name name : person.english()) {
        own.add(NameKey.of(name.given()));
      }
      englishKeys.put(person, own);
      Map<String, String> foreign = new HashMap<>();
      for (Name name : person.ukrainian()) {
        foreign.merge(NameKey.of(name.given()), "uk", (a, b) -> a.equals(b) ? a : "uk+ru");
      }
      for (Name name : person.russian()) {
        foreign.merge(NameKey.of(name.given()), "ru", (a, b) -> a.equals(b) ? a : "uk+ru");
      }
      foreign.keySet().removeAll(own);
      foreignKeys.put(person, foreign);
    }
  }

  private static String normalize(String word) {
    NormalizedText text = NormalizedText.of(word, false);
    return text.normalized(0, text.length);
  }

  /** Finds misnamed people in the sentences {@code english} accepts. */
  List<Found> find(NormalizedText text, IntPredicate english) {
    List<Found> found = new ArrayList<>();
    int[] starts = text.wordStarts();
    int[] ends = text.wordEnds();
    for (int w = 0; w < starts.length; w++) {
      int s = starts[w];
      if (!text.upper[s] || ends[w] - s < 2) {
        continue;
      }
      List<Person> people = byFamily.get(text.normalized(s, ends[w]));
      if (people == null || !english.test(text.sentence[s])) {
        continue;
      }
      Found hit = people.get(0).familyFirst()
          ? checkGivenAfter(text, w, people)
          : checkGivenBefore(text, w, people);
      if (hit != null && !hit.noteEn().isEmpty()) {
        found.add(hit);
      }
    }
    return found;
  }

  private Found checkGivenBefore(NormalizedText text, int w, List<Person> people) {
    int[] starts = text.wordStarts();
    int[] ends = text.wordEnds();
    if (w == 0 || !text.phraseBreakAt(starts[w]) || !text.upper[starts[w - 1]]) {
      return null;
    }
    return judge(text, starts[w - 1], ends[w - 1], starts[w - 1], ends[w], people);
  }

  private Found checkGivenAfter(NormalizedText text, int w, List<Person> people) {
    int[] starts = text.wordStarts();
    int[] ends = text.wordEnds();
    for (int words = 2; words >= 1; words--) {
      int last = w + words;
      if (last >= starts.length) {
        continue;
      }
      boolean joined = true;
      for (int j = w + 1; j <= last && joined; j++) {
        // "Jong-un": the part after a hyphen is written in lower case.
        joined = text.phraseBreakAt(starts[j])
            && (text.upper[starts[j]] || (text.gap[starts[j]] & NormalizedText.HYPHEN) != 0);
      }
      if (!joined) {
        continue;
      }
      Found hit = judge(text, starts[w + 1], ends[last], starts[w], ends[last], people);
      if (hit != null) {
        return hit.noteEn().isEmpty() ? null : hit;
      }
    }
    return null;
  }

  /**
   * Judges the given name in letters {@code [givenFrom, givenTo)}: returns a flag over
   * {@code [from, to)} when it is a foreign form, an empty marker when it is a correct English name,
   * and null when it is unknown.
   */
  private Found judge(NormalizedText text, int givenFrom, int givenTo, int from, int to,
      List<Person> people) {
    String key = NameKey.of(text.normalized(givenFrom, givenTo));
    for (Person person : people) {
      if (englishKeys.get(person).contains(key)) {
        return new Found(from, to, "", "", "");
      }
    }
    for (Person person : people) {
      String language = foreignKeys.get(person).get(key);
      if (language != null) {
        String given = text.originalText(givenFrom, givenTo);
        return new Found(from, to, noteEn(person, given, language), noteUk(person, given, language),
            person.preferred());
      }
    }
    // A first name that belongs to another registered person: a conflation of two people
    // ("Dmytro Zelenskyy"). Only when the surname has a single registered bearer, so that a
    // family (the Kims) is never judged by one member's name.
    Person owner = givenOwners.get(key);
    if (people.size() == 1 && owner != null && !people.contains(owner)) {
      Person person = people.get(0);
      String given = text.originalText(givenFrom, givenTo);
      return new Found(from, to,
          "“" + given + "” is the first name of " + owner.preferred() + ", not of " + person.preferred()
              + ": the post may conflate two people.",
          "«" + given + "» — ім'я іншої людини (" + owner.preferred() + "), а не " + person.preferred()
              + ": допис, можливо, плутає двох людей.",
          person.preferred());
    }
    return null;
  }

  private static String noteEn(Person person, String given, String language) {
    String which = switch (language) {
      case "uk" -> "the Ukrainian form";
      case "ru" -> "the Russian form";
      default -> "the Russian and Ukrainian form";
    };
    return "In English this name is written “" + person.preferred() + "”; “" + given + "” is "
        + which + " of the " + (person.familyFirst() ? "given name" : "first name") + ".";
  }

  private static String noteUk(Person person, String given, String language) {
    String which = switch (language) {
      case "uk" -> "українська форма";
      case "ru" -> "російська форма";
      default -> "російська й українська форма";
    };
    return "Англійською це ім'я пишуть «" + person.preferred() + "»; «" + given + "» — " + which
        + " імені.";
  }
}
