package org.kontekst.knowledge.wording;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The misnaming engine: a registry of people with their names in English, Ukrainian and Russian,
 * and the check that finds a registered surname in English text with a first name that is not this
 * person's English one but another language's form of it ("Volodymyr Putin", "Vladimir Zelensky",
 * "Kim Chen In").
 *
 * <p>In Ukrainian and Russian sentences it finds a first name in the other language's form, where
 * that language's convention is clear: in Ukrainian every first name takes its Ukrainian form
 * ("Владимир Зеленський", "Сергей Лавров" are Russified), and in Russian the Ukrainian form of a
 * name that is not Ukrainian is a translation artefact ("Володимир Путин"); the Ukrainian form of a
 * Ukrainian's name in Russian text ("Володимир Зеленский") is the person's own and is left alone.
 * Both words may be inflected ("Владимира Зеленського").
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
  /** Ukrainian and Russian family names by their stem (the form without its case ending). */
  private final Map<String, List<Person>> byCyrillicStem = new HashMap<>();
  private final Map<Person, Set<String>> ukrainianForms = new HashMap<>();
  private final Map<Person, Set<String>> russianForms = new HashMap<>();

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
      ukrainianForms.put(person, givenForms(person.ukrainian()));
      russianForms.put(person, givenForms(person.russian()));
      for (List<Name> names : List.of(person.ukrainian(), person.russian())) {
        for (Name name : names) {
          String stem = stem(normalize(name.family()));
          List<Person> list = byCyrillicStem.computeIfAbsent(stem, f -> new ArrayList<>());
          if (!list.contains(person)) {
            list.add(person);
          }
        }
      }
    }
  }

  /**
   * Cyrillic first names as written, whole and without a final vowel ("Дмитро" and "Дмитр-а").
   * Within one script a name is spelled one way, so these are compared letter for letter: a
   * Ukrainian phonetic spelling of a Russian name ("Сєргєй") is a deliberate choice of style, not
   * the Russian form.
   */
  private static Set<String> givenForms(List<Name> names) {
    Set<String> forms = new HashSet<>();
    for (Name name : names) {
      String given = normalize(name.given());
      forms.add(given);
      char last = given.charAt(given.length() - 1);
      if ("аояеиіьй".indexOf(last) >= 0 && given.length() > 3) {
        forms.add(given.substring(0, given.length() - 1));
      }
    }
    return forms;
  }

  /** A Cyrillic family name without its nominative ending: "Зеленськ", "Путін", "Лукашенк". */
  private static String stem(String name) {
    for (String ending : List.of("ий", "ій", "ый", "ой")) {
      if (name.endsWith(ending) && name.length() - ending.length() >= 3) {
        return name.substring(0, name.length() - ending.length());
      }
    }
    char last = name.isEmpty() ? ' ' : name.charAt(name.length() - 1);
    return "аояеиіьй".indexOf(last) >= 0 && name.length() > 3
        ? name.substring(0, name.length() - 1)
        : name;
  }

  private static String normalize(String word) {
    NormalizedText text = NormalizedText.of(word, false);
    return text.normalized(0, text.length);
  }

  /**
   * Finds misnamed people in the sentences {@code english} accepts, and in the sentences
   * {@code cyrillic} says are Ukrainian ("uk") or Russian ("ru"); it answers null for the rest.
   */
  List<Found> find(NormalizedText text, IntPredicate english, IntFunction<String> cyrillic) {
    List<Found> found = new ArrayList<>();
    int[] starts = text.wordStarts();
    int[] ends = text.wordEnds();
    for (int w = 0; w < starts.length; w++) {
      int s = starts[w];
      if (!text.upper[s] || ends[w] - s < 2) {
        continue;
      }
      char first = text.letters[s];
      if (first >= 0x400 && first < 0x530) {
        String language = cyrillic.apply(text.sentence[s]);
        Found hit = language == null ? null : checkCyrillic(text, w, language);
        if (hit != null) {
          found.add(hit);
        }
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

  /** A Ukrainian or Russian family name, maybe inflected, after a first name in the other form. */
  private Found checkCyrillic(NormalizedText text, int w, String language) {
    int[] starts = text.wordStarts();
    int[] ends = text.wordEnds();
    List<Person> people = cyrillicBearers(text, starts[w], ends[w]);
    if (people == null || people.get(0).familyFirst() || w == 0
        || !text.phraseBreakAt(starts[w]) || !text.upper[starts[w - 1]]) {
      return null;
    }
    Set<String> given = inflectedForms(text, starts[w - 1], ends[w - 1]);
    boolean ukrainian = language.equals("uk");
    for (Person person : people) {
      if (!disjoint(given, (ukrainian ? ukrainianForms : russianForms).get(person))) {
        return null;
      }
    }
    for (Person person : people) {
      Set<String> other = (ukrainian ? russianForms : ukrainianForms).get(person);
      List<Name> own = ukrainian ? person.ukrainian() : person.russian();
      if (own.isEmpty() || disjoint(given, other) || (!ukrainian && ukrainianNamed(person))) {
        continue;
      }
      String first = text.originalText(starts[w - 1], ends[w - 1]);
      String correct = own.get(0).full();
      return ukrainian
          ? new Found(starts[w - 1], ends[w], "In Ukrainian this name is written “" + correct
                  + "”; “" + first + "” is the Russian form of the first name.",
              "Українською це ім'я пишуть «" + correct + "»; «" + first
                  + "» — російська форма імені.", correct)
          : new Found(starts[w - 1], ends[w], "In Russian this name is written “" + correct
                  + "”; “" + first + "” is the Ukrainian form of the first name, a sign of "
                  + "machine translation.",
              "Російською це ім'я пишуть «" + correct + "»; «" + first
                  + "» — українська форма імені, слід машинного перекладу.", correct);
    }
    return null;
  }

  /** Whose Cyrillic family name the word is, in any case form. */
  private List<Person> cyrillicBearers(NormalizedText text, int from, int to) {
    String word = text.normalized(from, to);
    for (int cut = word.length(); cut >= Math.max(3, word.length() - 4); cut--) {
      List<Person> people = byCyrillicStem.get(word.substring(0, cut));
      if (people != null && endsWithEnding(text, from + cut, to)) {
        return people;
      }
    }
    return null;
  }

  /** The word and the word without each case ending it may carry. */
  private static Set<String> inflectedForms(NormalizedText text, int from, int to) {
    String word = text.normalized(from, to);
    Set<String> forms = new HashSet<>();
    forms.add(word);
    for (int cut = word.length() - 1; cut >= Math.max(3, word.length() - 4); cut--) {
      if (endsWithEnding(text, from + cut, to)) {
        forms.add(word.substring(0, cut));
      }
    }
    return forms;
  }

  private static boolean endsWithEnding(NormalizedText text, int from, int to) {
    if (from == to) {
      return true;
    }
    int[] out = new int[Endings.maxCount()];
    int count = Endings.forStemEndingIn(text.letters[from - 1]).ends(text, from, out);
    for (int i = 0; i < count; i++) {
      if (out[i] == to) {
        return true;
      }
    }
    return false;
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    for (String key : a) {
      if (b.contains(key)) {
        return false;
      }
    }
    return true;
  }

  /** Whose English name uses the Ukrainian form of the first name: a Ukrainian's own name. */
  private static boolean ukrainianNamed(Person person) {
    String english = NameKey.of(person.english().get(0).given());
    return keys(person.ukrainian()).contains(english) && !keys(person.russian()).contains(english);
  }

  private static Set<String> keys(List<Name> names) {
    Set<String> keys = new HashSet<>();
    for (Name name : names) {
      keys.add(NameKey.of(name.given()));
    }
    return keys;
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
