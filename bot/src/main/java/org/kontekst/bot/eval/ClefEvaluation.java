package org.kontekst.bot.eval;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.store.ArticleRepository;

/**
 * CLEF-2020 CheckThat! Task 2 (claim retrieval): the verified claims are the knowledge base, the
 * tweets are the posts; MAP@5 and P@1 over a split, computed as the task's official scorer does
 * (average precision over the relevant claims of each tweet).
 */
public final class ClefEvaluation {
  static final int K = 5;

  private ClefEvaluation() {}

  /** Loads {@code verified_claims.docs.tsv} into the store as published English articles. */
  public static int loadClaims(Path clefDir, ArticleRepository articles) throws IOException {
    List<Article> batch = claims(clefDir);
    articles.upsertAll(batch);
    return batch.size();
  }

  /** The verified claims as published English articles, id {@code vclaim-N}. */
  public static List<Article> claims(Path clefDir) throws IOException {
    Path claims = clefDir.resolve("verified_claims.docs.tsv");
    List<Article> batch = new ArrayList<>();
    Instant now = Instant.now();
    for (List<String> cols : readTsv(claims)) {
      if (cols.size() < 3 || cols.get(0).isBlank()) {
        throw new IOException(claims + ": expected id, vclaim and title separated by tabs: " + cols);
      }
      String claim = cols.get(1).strip();
      String title = cols.get(2).isBlank() ? claim : cols.get(2).strip();
      batch.add(new Article("vclaim-" + cols.get(0).strip(), title, "Snopes", "", null, "en", claim, claim,
          List.of(), ArticleStatus.PUBLISHED, now, now));
    }
    return batch;
  }

  /** Reads a tab-separated file with a header row; fields may be quoted and span lines. */
  public static List<List<String>> readTsv(Path path) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator('\t').withSkipFirstDataRow(true);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it =
        mapper.readerFor(List.class).with(schema).readValues(Files.newBufferedReader(path, StandardCharsets.UTF_8))) {
      while (it.hasNext()) rows.add(it.next());
    }
    return rows;
  }

  /** The task's figures for one split. */
  public record Result(int queries, double mapAt5, double precisionAt1) {}

  public static Result run(Path clefDir, String split, Checker checker) throws IOException {
    Map<String, String> tweets = new LinkedHashMap<>();
    for (List<String> cols : readTsv(clefDir.resolve(split + "__tweets.queries.tsv"))) {
      if (cols.size() >= 2) tweets.put(cols.get(0).strip(), cols.get(1));
    }
    Map<String, Set<String>> relevant = new HashMap<>();
    for (String line : Files.readAllLines(clefDir.resolve(split + "__tweet-vclaim-pairs.qrels"), StandardCharsets.UTF_8)) {
      String[] cols = line.strip().split("\\s+");
      if (cols.length >= 4 && !cols[3].equals("0")) {
        relevant.computeIfAbsent(cols[0], k -> new HashSet<>()).add("vclaim-" + cols[2]);
      }
    }
    double sumAp = 0;
    int p1 = 0;
    int queries = 0;
    for (Map.Entry<String, String> tweet : tweets.entrySet()) {
      Set<String> gold = relevant.get(tweet.getKey());
      if (gold == null || gold.isEmpty()) continue;
      queries++;
      List<Match> ranked = checker.check(new Post(tweet.getKey(), tweet.getValue(), "en", ""), K, 0).matches();
      double hits = 0;
      double ap = 0;
      for (int i = 0; i < ranked.size(); i++) {
        if (gold.contains(ranked.get(i).article())) {
          hits++;
          ap += hits / (i + 1);
          if (i == 0) p1++;
        }
      }
      sumAp += ap / gold.size();
    }
    return new Result(queries, queries == 0 ? 0 : sumAp / queries, queries == 0 ? 0 : (double) p1 / queries);
  }
}
