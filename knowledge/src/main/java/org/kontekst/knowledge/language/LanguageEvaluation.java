package org.kontekst.knowledge.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Measures a {@link LanguageDetector} on labelled texts: accuracy and the confusion between the
 * expected and the detected language. The {@code eval} and {@code bench} commands call it; so do
 * the tests.
 */
public final class LanguageEvaluation {
  private static final String SHORT_UK_RU = "short-uk-ru.tsv";

  private LanguageEvaluation() {}

  /** A text and the language it is written in. */
  public record LabelledText(String text, String language) {
    public LabelledText {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(language, "language");
    }
  }

  /** The outcome on one data set; {@code confusion} maps expected to detected to count. */
  public record Result(String dataset, int total, int correct, Map<String, Map<String, Integer>> confusion) {
    public Result {
      Objects.requireNonNull(dataset, "dataset");
      if (correct < 0 || correct > total) {
        throw new IllegalArgumentException("correct must be in [0, total]: " + correct + " of " + total);
      }
      confusion = Map.copyOf(confusion);
    }

    public double accuracy() {
      return total == 0 ? 0 : (double) correct / total;
    }

    /** How often a text in {@code expected} was detected as {@code detected}. */
    public int count(String expected, String detected) {
      return confusion.getOrDefault(expected, Map.of()).getOrDefault(detected, 0);
    }

    /** One line per expected language: "ru 62/64 (uk 2)". */
    public String format() {
      StringBuilder out = new StringBuilder();
      out.append(String.format("%s: %d/%d = %.1f%%", dataset, correct, total, 100 * accuracy()));
      new TreeMap<>(confusion)
          .forEach(
              (expected, detected) -> {
                int n = detected.values().stream().mapToInt(Integer::intValue).sum();
                int ok = detected.getOrDefault(expected, 0);
                out.append(String.format("%n  %s %d/%d", expected, ok, n));
                StringBuilder wrong = new StringBuilder();
                new TreeMap<>(detected)
                    .forEach(
                        (language, count) -> {
                          if (!language.equals(expected)) {
                            wrong.append(wrong.length() == 0 ? "" : ", ").append(language).append(' ').append(count);
                          }
                        });
                if (wrong.length() > 0) {
                  out.append(" (wrong: ").append(wrong).append(')');
                }
              });
      return out.toString();
    }
  }

  /** Runs {@code detector} on every sample. */
  public static Result evaluate(String dataset, LanguageDetector detector, List<LabelledText> samples) {
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    int correct = 0;
    for (LabelledText s : samples) {
      String detected = detector.detect(s.text());
      if (detected.equals(s.language())) {
        correct++;
      }
      confusion.computeIfAbsent(s.language(), k -> new TreeMap<>()).merge(detected, 1, Integer::sum);
    }
    return new Result(dataset, samples.size(), correct, confusion);
  }

  /**
   * Reads JSON Lines: the text from {@code textField}, the language from {@code languageField},
   * or {@code fixedLanguage} for every line when {@code languageField} is null (the StopFake
   * claims are all Ukrainian). Lines without text are left out.
   */
  public static List<LabelledText> readJsonl(
      Path file, String textField, String languageField, String fixedLanguage) {
    Objects.requireNonNull(textField, "textField");
    if (languageField == null) {
      Objects.requireNonNull(fixedLanguage, "fixedLanguage (needed when languageField is null)");
    }
    ObjectMapper json = new ObjectMapper();
    List<LabelledText> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (IOException e) {
          throw new IllegalArgumentException(file + ":" + number + ": not a JSON object: " + e.getMessage(), e);
        }
        String text = node.path(textField).asText("");
        String language = languageField == null ? fixedLanguage : node.path(languageField).asText("");
        if (!text.isBlank() && !language.isBlank()) {
          out.add(new LabelledText(text, language));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Kontekst's own short Ukrainian and Russian sentences (about 64 each), a third of them
   * without any letter that only one of the two languages has.
   */
  public static List<LabelledText> shortUkrainianAndRussian() {
    try (InputStream stream = LanguageEvaluation.class.getResourceAsStream(SHORT_UK_RU)) {
      if (stream == null) {
        throw new IllegalStateException("resource " + SHORT_UK_RU + " is missing from the jar");
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      List<LabelledText> out = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t");
        out.add(new LabelledText(fields[fields.length - 1], fields[0]));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SHORT_UK_RU + ": " + e.getMessage(), e);
    }
  }
}
