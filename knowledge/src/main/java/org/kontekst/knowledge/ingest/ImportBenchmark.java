package org.kontekst.knowledge.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.KnowledgeStore;

/**
 * Measures import speed (parse, detect language, store; no search index) for the {@code bench}
 * command. Timings are reported, never asserted in tests.
 */
public final class ImportBenchmark {
  private ImportBenchmark() {}

  /** How long importing {@code articles} articles from {@code files} files took. */
  public record Result(int articles, int files, int failed, Duration elapsed) {
    public Result {
      Objects.requireNonNull(elapsed, "elapsed");
    }

    public double articlesPerSecond() {
      double seconds = elapsed.toNanos() / 1e9;
      return seconds == 0 ? 0 : articles / seconds;
    }

    public String format() {
      return String.format(
          "imported %d articles from %d files (%d failed) in %.2f s: %.0f articles/s",
          articles, files, failed, elapsed.toNanos() / 1e9, articlesPerSecond());
    }
  }

  /**
   * Writes {@code count} synthetic articles (.md, .txt with chrome, and one .jsonl; en, uk, ru; a
   * third without a language, so detection runs) under {@code workDir}/kb and imports them into a
   * fresh store in {@code workDir}/data.
   */
  public static Result synthetic(Path workDir, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    Path kb = workDir.resolve("kb");
    try {
      Files.createDirectories(kb);
      StringBuilder jsonl = new StringBuilder();
      for (int i = 0; i < count; i++) {
        String body = BODIES[i % BODIES.length].repeat(4) + " Case " + i + ".";
        switch (i % 3) {
          case 0 -> Files.writeString(kb.resolve("md-" + i + ".md"),
              "---\ntitle: Synthetic article " + i + "\noutlet: Bench\npublished: 2024-01-0" + (1 + i % 9)
                  + "\nlanguage: " + LANGUAGES[i % LANGUAGES.length] + "\ntags: [bench, synthetic]\n---\n\n" + body + "\n",
              StandardCharsets.UTF_8);
          case 1 -> Files.writeString(kb.resolve("txt-" + i + ".txt"),
              "Home » News » Synthetic page " + i + "\n\nSynthetic page " + i + " with chrome\n\nby bench\n\n• 1234 views\n\n"
                  + body + "\n\nShare\n\nRelated Posts\n\nAnother headline\n\nLeave a Comment\n",
              StandardCharsets.UTF_8);
          default -> jsonl.append("{\"id\":\"jl-").append(i).append("\",\"title\":\"Synthetic line ").append(i)
              .append("\",\"body\":\"").append(body.replace("\"", "\\\"")).append("\"}\n");
        }
      }
      if (jsonl.length() > 0) {
        Files.writeString(kb.resolve("lines.jsonl"), jsonl, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write synthetic articles in " + kb + ": " + e.getMessage(), e);
    }
    try (KnowledgeStore store = KnowledgeStore.open(workDir.resolve("data"))) {
      return measure(store, List.of(kb));
    }
  }

  /** Imports {@code inputs} into {@code store} and measures it. */
  public static Result measure(KnowledgeStore store, List<Path> inputs) {
    ArticleImporter importer = new ArticleImporter(store.articles(), LanguageDetector.standard());
    long start = System.nanoTime();
    List<ImportOutcome> outcomes = new ArrayList<>(importer.importPaths(inputs));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    int articles = 0;
    int files = 0;
    int failed = 0;
    for (ImportOutcome o : outcomes) {
      if (o instanceof ImportOutcome.Imported imported) {
        articles += imported.ids().size();
        files++;
      } else if (o instanceof ImportOutcome.Failed) {
        failed++;
        files++;
      }
    }
    return new Result(articles, files, failed, elapsed);
  }

  private static final String[] LANGUAGES = {"en", "uk", "ru"};

  private static final String[] BODIES = {
    "Officials said the strike hit an energy facility overnight, and repair crews restored power to"
        + " most homes by the evening. Independent monitors have not yet confirmed the figures.",
    "Уряд повідомив, що ремонтні бригади відновили живлення більшості будинків до вечора. Незалежні"
        + " спостерігачі поки не підтвердили ці дані.",
    "Власти сообщили, что ремонтные бригады восстановили электроснабжение большинства домов к вечеру."
        + " Независимые наблюдатели пока не подтвердили эти данные."
  };
}
