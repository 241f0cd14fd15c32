package org.kontekst.knowledge.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the one or two sentences of an article that best support a match: the sentence sharing
 * the most query features and words (idf-free, by count), joined with its best neighbour when
 * that adds more.
 */
final class PassageFinder {
  private static final int MAX_PASSAGE = 400;
  private final TextAnalysis analysis;

  PassageFinder(TextAnalysis analysis) {
    this.analysis = analysis;
  }

  String best(IndexedArticle article, Analyzed query) {
    List<String> sentences = sentences(article.text());
    if (sentences.isEmpty()) return "";
    Set<String> queryTerms = new HashSet<>();
    for (List<String> lemmas : query.terms()) queryTerms.addAll(lemmas);
    double[] scores = new double[sentences.size()];
    int best = 0;
    for (int i = 0; i < sentences.size(); i++) {
      Analyzed s = analysis.analyze(sentences.get(i), article.language());
      double score = 0;
      for (String f : s.features()) if (query.features().contains(f)) score += 2;
      Set<String> counted = new HashSet<>();
      for (List<String> lemmas : s.terms()) {
        for (String lemma : lemmas) {
          if (queryTerms.contains(lemma) && counted.add(lemma)) score += 1;
        }
      }
      scores[i] = score;
      if (score > scores[best]) best = i;
    }
    String passage = sentences.get(best);
    int neighbour = -1;
    if (best + 1 < sentences.size()) neighbour = best + 1;
    if (best > 0 && (neighbour < 0 || scores[best - 1] > scores[neighbour])) neighbour = best - 1;
    if (neighbour >= 0 && scores[neighbour] > 0) {
      String joined = neighbour < best
          ? sentences.get(neighbour) + " " + passage
          : passage + " " + sentences.get(neighbour);
      if (joined.length() <= MAX_PASSAGE) passage = joined;
    }
    return passage.length() <= MAX_PASSAGE ? passage : cut(passage);
  }

  private static String cut(String s) {
    int space = s.lastIndexOf(' ', MAX_PASSAGE - 1);
    return s.substring(0, space > 0 ? space : MAX_PASSAGE - 1) + "…";
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String paragraph : text.split("\\n+")) {
      BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
      it.setText(paragraph);
      int start = it.first();
      for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
        String s = paragraph.substring(start, end).strip();
        if (s.length() >= 20) out.add(s);
      }
    }
    return out;
  }
}
