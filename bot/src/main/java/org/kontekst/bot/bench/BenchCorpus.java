package org.kontekst.bot.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontekst.bot.eval.ClefEvaluation;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;

/**
 * The data the benchmark runs on, read from the shared datasets: a knowledge base of about 20,000
 * articles (the CLEF-2020 verified claims and the EUvsDisinfo case headlines) and posts to check
 * (CLEF tweets and the development cases).
 */
final class BenchCorpus {
  private BenchCorpus() {}

  static List<Article> articles(Path shared) throws IOException {
    List<Article> out = new ArrayList<>(ClefEvaluation.claims(shared.resolve("data/clef2020-task2")));
    out.addAll(euvsdisinfo(shared.resolve("data/euvsdisinfo-2015-2021/posts.csv")));
    return out;
  }

  private static List<Article> euvsdisinfo(Path csv) throws IOException {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Article> out = new ArrayList<>();
    Instant now = Instant.now();
    Set<String> seen = new java.util.HashSet<>();
    try (MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(schema).readValues(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        String title = row.getOrDefault("title", "").strip();
        String url = row.getOrDefault("id", "").strip();
        if (title.isEmpty() || url.isEmpty()) continue;
        String id = "euvsd-" + HexFormat.of().formatHex(sha1(url), 0, 8);
        if (!seen.add(id)) continue;
        String keywords = row.getOrDefault("keywords", "").replace('+', ',');
        LocalDate date = null;
        try {
          date = LocalDate.parse(row.getOrDefault("date", ""));
        } catch (DateTimeParseException e) {
          // undated cases stay undated
        }
        String text = title + ". Keywords: " + keywords + ". Countries: " + row.getOrDefault("countries", "").replace('+', ',') + ".";
        out.add(new Article(id, title, "EUvsDisinfo", url, date, "en", text, text,
            List.of(keywords.split(",")), ArticleStatus.PUBLISHED, now, now));
      }
    }
    return out;
  }

  /** Distinct posts: CLEF tweets of every split, then the development cases. */
  static List<String> posts(Path shared) throws IOException {
    Set<String> posts = new LinkedHashSet<>();
    Path clef = shared.resolve("data/clef2020-task2");
    for (String split : List.of("test", "dev", "train")) {
      for (List<String> row : ClefEvaluation.readTsv(clef.resolve(split + "__tweets.queries.tsv"))) {
        if (row.size() >= 2 && !row.get(1).isBlank()) posts.add(row.get(1));
      }
    }
    ObjectMapper json = new ObjectMapper();
    Path dev = shared.resolve("eval/dev.jsonl");
    if (Files.isRegularFile(dev)) {
      for (String line : Files.readAllLines(dev, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) posts.add(json.readTree(line).path("text").asText());
      }
    }
    return new ArrayList<>(posts);
  }

  private static byte[] sha1(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
