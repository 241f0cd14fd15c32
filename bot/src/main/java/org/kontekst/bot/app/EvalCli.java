package org.kontekst.bot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kontekst.bot.eval.ClefEvaluation;
import org.kontekst.bot.eval.DevEvaluation;
import org.kontekst.bot.eval.EvalCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kontekst eval}: the quality figures. With CASES.jsonl, the development metrics against the
 * current knowledge base; with {@code --clef DIR}, MAP@5 and P@1 of CLEF-2020 Task 2 against a
 * knowledge base of its verified claims (kept in {@code DATA/clef2020}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Computes quality metrics on evaluation cases or the CLEF-2020 data.")
final class EvalCli implements Callable<Integer> {
  private final Environment env;

  EvalCli(Environment env) {
    this.env = env;
  }

  @Mixin private DataOption data;

  @Option(names = "--clef", paramLabel = "DIR", description = "The CLEF-2020 Task 2 folder.")
  private Path clef;

  @Option(names = "--split", defaultValue = "test", description = "CLEF split: train, dev or test (default test).")
  private String split;

  @Option(names = "--json", description = "Print only the JSON form of the metrics.")
  private boolean jsonOnly;

  @Parameters(arity = "0..1", paramLabel = "CASES.jsonl", description = "Evaluation cases.")
  private Path cases;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    if ((clef == null) == (cases == null)) {
      System.err.println("give either CASES.jsonl or --clef DIR");
      return 2;
    }
    if (clef != null) {
      if (!List.of("train", "dev", "test").contains(split)) {
        System.err.println("--split must be train, dev or test");
        return 2;
      }
      if (!Files.isRegularFile(clef.resolve("verified_claims.docs.tsv"))) {
        System.err.println(clef + " has no verified_claims.docs.tsv: point --clef at the CLEF-2020 Task 2 folder");
        return 2;
      }
      Path kb = data.dataDir().resolve("clef2020");
      try (var store = org.kontekst.knowledge.store.KnowledgeStore.open(kb)) {
        if (store.articles().count(org.kontekst.knowledge.article.ArticleStatus.PUBLISHED) == 0) {
          int n = ClefEvaluation.loadClaims(clef, store.articles());
          System.err.println("loaded " + n + " verified claims into " + kb);
        }
      }
      try (Engine engine = Engine.open(kb, env.embedding()::create)) {
        ClefEvaluation.Result r = ClefEvaluation.run(clef, split, engine.checker());
        ObjectNode node = json.createObjectNode();
        node.put("split", split);
        node.put("queries", r.queries());
        node.put("map_at_5", Math.round(r.mapAt5() * 10000) / 10000.0);
        node.put("p_at_1", Math.round(r.precisionAt1() * 10000) / 10000.0);
        if (!jsonOnly) {
          out.printf("CLEF-2020 %s: %d tweets, MAP@5 %.4f, P@1 %.4f%n", split, r.queries(), r.mapAt5(), r.precisionAt1());
        }
        out.println(json.writeValueAsString(node));
      }
      return 0;
    }
    List<EvalCase> loaded;
    try {
      loaded = DevEvaluation.read(cases);
    } catch (NoSuchFileException e) {
      System.err.println("no such file: " + cases);
      return 2;
    }
    try (Engine engine = Engine.open(data.store(), env.embedding()::create)) {
      if (engine.articleCount() == 0) {
        System.err.println("the knowledge base in " + data.dataDir() + " is empty: run `kontekst import` first");
        return 2;
      }
      DevEvaluation.Result result = new DevEvaluation(engine.checker(), engine.threshold()).run(loaded);
      if (!jsonOnly) {
        out.print(DevEvaluation.table(result));
        result.misses().forEach(m -> out.println("  miss " + m));
      }
      out.println(json.writeValueAsString(DevEvaluation.json(result, json)));
    }
    return 0;
  }
}
