package org.kontekst.knowledge.wording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The wording detector for one fixed lexicon: the compiled term trie plus the misnaming engine.
 * Immutable; a changed lexicon is compiled into a new instance.
 *
 * <p>English entries apply to sentences written in English; Ukrainian and Russian entries apply to
 * any sentence written mostly in Cyrillic, because slurs cross between the two languages and short
 * posts are often misdetected. The language of a sentence, not of the post, decides, so "Kiev" in a
 * German or Spanish sentence is not flagged.
 */
final class LexiconDetector implements WordingDetector {
  private static final Set<String> ENGLISH_WORDS = Set.of(
      "the", "of", "and", "to", "in", "is", "was", "for", "on", "with", "has", "have", "that", "by",
      "from", "at", "as", "are", "his", "its", "this", "will", "be", "been", "were", "it", "he",
      "they", "an", "not", "who", "which", "their", "after", "says", "said");
  private static final Set<String> OTHER_LATIN_WORDS = Set.of(
      "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "auf", "zu",
      "el", "la", "los", "las", "y", "que", "en", "es", "del", "por", "con", "una", "le", "les",
      "et", "est", "des", "du", "une", "dans", "il", "di", "che", "e", "nie", "na", "w", "z",
      "się", "je", "da", "em", "os", "um", "uma", "não", "von", "im", "auch", "sich", "para", "pour");

  private final List<LexiconEntry> entries;
  private final List<Conditions> conditions;
  private final TermTrie trie;
  private final PersonNames people;

  private LexiconDetector(List<LexiconEntry> entries, List<Conditions> conditions, TermTrie trie,
      PersonNames people) {
    this.entries = entries;
    this.conditions = conditions;
    this.trie = trie;
    this.people = people;
  }

  static LexiconDetector compile(List<LexiconEntry> entries, PersonNames people) {
    Objects.requireNonNull(people, "people");
    List<LexiconEntry> copy = List.copyOf(entries);
    List<Conditions> conditions = new ArrayList<>();
    TermTrie.Builder builder = new TermTrie.Builder();
    for (int id = 0; id < copy.size(); id++) {
      LexiconEntry entry = copy.get(id);
      conditions.add(Conditions.parse(entry.when()));
      for (String form : entry.forms()) {
        for (TermPattern pattern : TermPattern.parse(form)) {
          builder.add(pattern, id);
        }
      }
    }
    return new LexiconDetector(copy, List.copyOf(conditions), builder.build(), people);
  }

  int size() {
    return entries.size();
  }

  /** A flag or an allow span before overlaps are resolved. */
  private record Candidate(int from, int to, boolean allow, FlagCategory category, String noteEn,
      String noteUk, String suggestion) {}

  @Override
  public List<Flag> detect(String text, String language) {
    Objects.requireNonNull(text, "text");
    String postLanguage = language == null ? "und" : language.strip().toLowerCase(Locale.ROOT);
    boolean cyrillicPost = postLanguage.startsWith("uk") || postLanguage.startsWith("ru");
    NormalizedText normalized = NormalizedText.of(text, cyrillicPost);
    if (normalized.length == 0) {
      return List.of();
    }
    boolean[] english = englishSentences(normalized, postLanguage);
    Map<Integer, Boolean> excluded = new HashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    TermTrie.Hits hits = trie.match(normalized);
    for (int i = 0; i < hits.size; i++) {
      LexiconEntry entry = entries.get(hits.entry[i]);
      int from = hits.from[i];
      int to = hits.to[i];
      int sentence = normalized.sentence[from];
      boolean inScope = entry.language().equals("en")
          ? english[sentence]
          : normalized.cyrillicSentence(sentence);
      Conditions when = conditions.get(hits.entry[i]);
      if (!inScope || !when.holdsAt(normalized, from, to)
          || excluded.computeIfAbsent(hits.entry[i], id -> when.excludedBy(normalized))) {
        continue;
      }
      candidates.add(entry.allows()
          ? new Candidate(from, to, true, null, "", "", "")
          : new Candidate(from, to, false, entry.flagCategory(), entry.noteEn(), entry.noteUk(),
              entry.suggestion()));
    }
    for (PersonNames.Found found :
        people.find(normalized, s -> english[s], cyrillicLanguages(normalized, postLanguage))) {
      candidates.add(new Candidate(found.from(), found.to(), false, FlagCategory.MISNAMING,
          found.noteEn(), found.noteUk(), found.suggestion()));
    }
    if (normalized.link != null) {
      // Words inside links, user names and e-mail addresses are addresses, not wording.
      candidates.removeIf(c -> normalized.link[c.from()] || normalized.link[c.to() - 1]);
    }
    return resolve(normalized, candidates);
  }

  /** Leftmost, then longest, wins; allow spans win ties and shield what they cover. */
  private static List<Flag> resolve(NormalizedText text, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    candidates.sort(Comparator.comparingInt(Candidate::from)
        .thenComparing(Comparator.comparingInt(Candidate::to).reversed())
        .thenComparing(c -> !c.allow()));
    List<Flag> flags = new ArrayList<>();
    int taken = 0;
    for (Candidate c : candidates) {
      if (c.from() < taken) {
        continue;
      }
      taken = c.to();
      if (!c.allow()) {
        int start = text.start[c.from()];
        int end = text.end[c.to() - 1];
        flags.add(new Flag(text.original.substring(start, end), start, end, c.category(),
            c.noteEn(), c.noteUk(), c.suggestion()));
      }
    }
    return List.copyOf(flags);
  }

  /**
   * Whether each sentence is Ukrainian or Russian, told by the letters only one of them has (і, ї,
   * є against ы, э, ъ), or by the post's language when a sentence has neither; null otherwise.
   */
  private static IntFunction<String> cyrillicLanguages(NormalizedText text, String postLanguage) {
    int[] ukrainian = new int[text.sentences];
    int[] russian = new int[text.sentences];
    for (int k = 0; k < text.length; k++) {
      switch (text.letters[k]) {
        case 'і', 'ї', 'є' -> ukrainian[text.sentence[k]]++;
        case 'ы', 'э', 'ъ' -> russian[text.sentence[k]]++;
        default -> { }
      }
    }
    String fallback = postLanguage.startsWith("uk") ? "uk" : postLanguage.startsWith("ru") ? "ru" : null;
    return s -> !text.cyrillicSentence(s) ? null
        : ukrainian[s] > russian[s] ? "uk"
        : russian[s] > ukrainian[s] ? "ru"
        : fallback;
  }

  /**
   * Which sentences are English: written mostly in Latin letters, with function words that do not
   * point to another Latin-script language.
   */
  private static boolean[] englishSentences(NormalizedText text, String postLanguage) {
    int[] englishWords = new int[text.sentences];
    int[] otherWords = new int[text.sentences];
    int[] starts = text.wordStarts();
    int[] ends = text.wordEnds();
    for (int w = 0; w < starts.length; w++) {
      int length = ends[w] - starts[w];
      char first = text.letters[starts[w]];
      // Function words are short and Latin; skip the rest without building strings.
      if (length > 5 || first > 'z' && first != 'ę' && first != 'ã') {
        continue;
      }
      String word = text.normalized(starts[w], ends[w]);
      int sentence = text.sentence[starts[w]];
      if (ENGLISH_WORDS.contains(word)) {
        englishWords[sentence]++;
      } else if (OTHER_LATIN_WORDS.contains(word)) {
        otherWords[sentence]++;
      }
    }
    boolean cyrillicPost = postLanguage.startsWith("uk") || postLanguage.startsWith("ru");
    boolean unknownPost = postLanguage.equals("und") || postLanguage.isEmpty();
    boolean[] english = new boolean[text.sentences];
    for (int s = 0; s < text.sentences; s++) {
      if (text.latinLetters[s] <= text.cyrillicLetters[s]) {
        continue;
      }
      if (postLanguage.equals("en")) {
        english[s] = otherWords[s] <= englishWords[s];
      } else if (unknownPost || cyrillicPost) {
        english[s] = englishWords[s] >= otherWords[s];
      } else {
        english[s] = englishWords[s] >= 2 && englishWords[s] > 2 * otherWords[s];
      }
    }
    return english;
  }
}
