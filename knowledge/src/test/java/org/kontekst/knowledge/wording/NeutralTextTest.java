package org.kontekst.knowledge.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Precision first: clean neutral news must come out without a single flag. */
class NeutralTextTest {
  private final WordingDetector detector = Wording.standard();

  @Test
  void should_flag_nothing_in_the_neutral_news_corpus() throws IOException {
    // given
    List<String[]> sentences = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("neutral-news.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          sentences.add(line.split("\t", 2));
        }
      }
    }

    // when
    List<String> flagged = new ArrayList<>();
    for (String[] sentence : sentences) {
      for (Flag flag : detector.detect(sentence[1], sentence[0])) {
        flagged.add(flag.text() + " (" + flag.category().label() + ") in: " + sentence[1]);
      }
    }

    // then
    assertTrue(sentences.size() >= 100, "the corpus needs at least 100 sentences");
    assertTrue(sentences.stream().map(s -> s[0]).distinct().count() == 3, "uk, ru and en");
    assertEquals(List.of(), flagged);
  }

  @Test
  void should_flag_nothing_in_the_neutral_kb_sample_explainers() throws IOException {
    // given
    Path kb = SharedFolder.require().resolve("kb-sample");
    List<Path> explainers;
    try (Stream<Path> files = Files.list(kb)) {
      explainers = files.filter(p -> p.getFileName().toString().startsWith("kb-1")).sorted().toList();
    }

    // when
    List<String> flagged = new ArrayList<>();
    for (Path file : explainers) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (Flag flag : detector.detect(text, "und")) {
        flagged.add(file.getFileName() + ": " + flag.text());
      }
    }

    // then
    assertTrue(explainers.size() >= 20, "expected the twenty kb-1xx explainers in " + kb);
    assertEquals(List.of(), flagged);
  }
}
