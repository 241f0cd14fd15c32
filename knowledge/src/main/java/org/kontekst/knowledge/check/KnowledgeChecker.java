package org.kontekst.knowledge.check;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.kontekst.knowledge.article.Languages;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.search.Found;
import org.kontekst.knowledge.search.Retrieval;
import org.kontekst.knowledge.wording.WordingDetector;

/**
 * The {@link Checker}: validates a post, tells its language, finds matching articles and loaded
 * wording.
 *
 * <p>Matches are cached by the post's normalized text (a viral post forwarded by hundreds is
 * searched once); flags are recomputed every time because their offsets belong to the exact text,
 * and finding them costs well under a millisecond.
 */
public final class KnowledgeChecker implements Checker {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Retrieval retrieval;
  private final WordingDetector wording;
  private final LanguageDetector languages;
  private final Cache<CacheKey, List<Match>> cache;

  private record CacheKey(String text, String language, int max, double minScore) {}

  public KnowledgeChecker(
      Retrieval retrieval, WordingDetector wording, LanguageDetector languages, Ticker ticker) {
    this.retrieval = Objects.requireNonNull(retrieval, "retrieval");
    this.wording = Objects.requireNonNull(wording, "wording");
    this.languages = Objects.requireNonNull(languages, "languages");
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(6))
            .ticker(Objects.requireNonNull(ticker, "ticker"))
            .build();
  }

  @Override
  public Report check(Post post, int maxMatches, double minScore) {
    String text = post.text();
    validate(text);
    if (maxMatches < 0) throw new IllegalArgumentException("maxMatches must not be negative");
    String language =
        post.languageHint().isBlank() ? languages.detect(text) : Languages.require(post.languageHint());
    String normalized = normalize(text);
    List<Match> matches =
        cache.get(
            new CacheKey(normalized, language, maxMatches, minScore),
            key -> search(normalized, key.language(), key.max(), key.minScore()));
    return new Report(post, language, matches, wording.detect(text, language));
  }

  /** Forgets cached matches; call after the knowledge base changed. */
  public void invalidate() {
    cache.invalidateAll();
  }

  /** The calibrated confidence below which matches are not reported. */
  public double threshold() {
    return retrieval.threshold();
  }

  private List<Match> search(String text, String language, int max, double minScore) {
    if (max == 0) return List.of();
    List<Match> out = new ArrayList<>();
    for (Found f : retrieval.find(text, language, max, minScore)) {
      out.add(
          new Match(
              f.article().id(),
              f.article().title(),
              f.article().outlet(),
              f.article().url(),
              f.article().published(),
              f.confidence(),
              f.passage()));
    }
    return List.copyOf(out);
  }

  static String normalize(String text) {
    return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
  }

  /** Refuses what cannot be a post: nothing to read, too long, binary data, broken UTF-16. */
  static void validate(String text) {
    if (text.isBlank()) {
      throw new InvalidPostException("the post is empty: send the text of the post you want checked");
    }
    if (text.length() > Post.MAX_LENGTH) {
      throw new InvalidPostException(
          "the post is too long ("
              + text.length()
              + " characters): send at most "
              + Post.MAX_LENGTH
              + " characters, e.g. the part you doubt");
    }
    int control = 0;
    boolean nul = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        throw new InvalidPostException("the post has a broken character at position " + i + ": send it as plain text");
      }
      if (Character.isLowSurrogate(c)) {
        throw new InvalidPostException("the post has a broken character at position " + i + ": send it as plain text");
      }
      if (c == 0) nul = true;
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') control++;
    }
    if (nul || control > Math.max(2, text.length() / 100)) {
      throw new InvalidPostException("the post looks like binary data, not text: send the text of the post");
    }
  }
}
