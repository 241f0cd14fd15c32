package org.kontekst.knowledge.wording;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scores the detector on the public dev set (../shared/eval/dev.jsonl) with the definitions of the
 * eval README, and holds it to the quality bar: recall 0.9, precision 0.95, category accuracy 0.9.
 */
class DevEvaluationTest {
  private final WordingDetector detector = Wording.standard();

  @Test
  void should_meet_the_quality_bar_on_the_dev_set() throws IOException {
    // given
    Path dev = SharedFolder.require().resolve("eval").resolve("dev.jsonl");
    ObjectMapper json = new ObjectMapper();
    int expected = 0;
    int found = 0;
    int rightCategory = 0;
    int reported = 0;
    int precise = 0;
    List<String> misses = new ArrayList<>();

    // when
    for (String line : Files.readAllLines(dev, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode c = json.readTree(line);
      String text = c.get("text").asText();
      List<Flag> flags = detector.detect(text, c.get("lang").asText());
      List<int[]> okSpans = new ArrayList<>();
      for (JsonNode f : c.get("flags")) {
        expected++;
        String term = f.get("text").asText();
        int start = text.indexOf(term);
        int end = start + term.length();
        okSpans.add(new int[] {start, end});
        boolean hit = false;
        boolean category = false;
        for (Flag flag : flags) {
          if (flag.start() < end && start < flag.end()) {
            hit = true;
            category |= flag.category().label().equals(f.get("category").asText());
          }
        }
        found += hit ? 1 : 0;
        rightCategory += category ? 1 : 0;
        if (!hit || !category) {
          misses.add(c.get("id").asText() + " missed " + term + " (" + f.get("category").asText()
              + "), reported " + describe(flags));
        }
      }
      if (c.has("allow_flags")) {
        for (JsonNode a : c.get("allow_flags")) {
          int start = text.indexOf(a.asText());
          okSpans.add(new int[] {start, start + a.asText().length()});
        }
      }
      for (Flag flag : flags) {
        reported++;
        boolean ok = okSpans.stream().anyMatch(s -> flag.start() < s[1] && s[0] < flag.end());
        precise += ok ? 1 : 0;
        if (!ok) {
          misses.add(c.get("id").asText() + " wrongly flagged " + flag.text() + " ("
              + flag.category().label() + ")");
        }
      }
    }

    // then
    double recall = (double) found / expected;
    double precision = reported == 0 ? 1 : (double) precise / reported;
    double categoryAccuracy = found == 0 ? 0 : (double) rightCategory / found;
    String report = String.format(
        "dev wording: recall %.3f (%d/%d), precision %.3f (%d/%d), category accuracy %.3f (%d/%d)%n  %s",
        recall, found, expected, precision, precise, reported, categoryAccuracy, rightCategory, found,
        String.join("\n  ", misses));
    System.out.println(report);
    assertTrue(recall >= 0.9, report);
    assertTrue(precision >= 0.95, report);
    assertTrue(categoryAccuracy >= 0.9, report);
  }

  private static String describe(List<Flag> flags) {
    List<String> parts = new ArrayList<>();
    for (Flag f : flags) {
      parts.add(f.text() + "/" + f.category().label());
    }
    return parts.toString();
  }
}
