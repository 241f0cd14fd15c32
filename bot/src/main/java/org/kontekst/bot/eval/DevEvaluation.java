package org.kontekst.bot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;

/**
 * Runs evaluation cases through a {@link Checker} and computes the metrics of the development set:
 * hit@3, top-1 accuracy, clean-negative rate, flag recall, precision and category accuracy,
 * overall, by language and by group, with every miss listed.
 */
public final class DevEvaluation {
  private final Checker checker;
  private final double threshold;

  public DevEvaluation(Checker checker, double threshold) {
    this.checker = checker;
    this.threshold = threshold;
  }

  /** Reads cases in the JSON Lines format of the evaluation README, naming path:line on errors. */
  public static List<EvalCase> read(Path path) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<EvalCase> cases = new ArrayList<>();
    int number = 0;
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      number++;
      if (line.isBlank()) continue;
      try {
        JsonNode n = json.readTree(line);
        List<EvalCase.ExpectedFlag> flags = new ArrayList<>();
        for (JsonNode f : n.path("flags")) {
          flags.add(new EvalCase.ExpectedFlag(f.get("text").asText(), f.get("category").asText()));
        }
        cases.add(
            new EvalCase(
                n.get("id").asText(),
                n.path("lang").asText(""),
                n.get("text").asText(),
                strings(n.path("expect")),
                flags,
                strings(n.path("allow_flags")),
                strings(n.path("allow_matches"))));
      } catch (RuntimeException | IOException e) {
        throw new IOException(path + ":" + number + ": not a valid case: " + e.getMessage(), e);
      }
    }
    return cases;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : array) out.add(s.asText());
    return out;
  }

  /** Counts for one slice of the cases. */
  public static final class Tally {
    int positives, hit3, top1, negatives, clean;
    int expectedFlags, foundFlags, rightCategory, reportedFlags, goodFlags;

    public double hitAt3() {
      return ratio(hit3, positives);
    }

    public double top1() {
      return ratio(top1, positives);
    }

    public double cleanNegative() {
      return ratio(clean, negatives);
    }

    public double flagRecall() {
      return ratio(foundFlags, expectedFlags);
    }

    public double flagPrecision() {
      return ratio(goodFlags, reportedFlags);
    }

    public double categoryAccuracy() {
      return ratio(rightCategory, foundFlags);
    }

    private static double ratio(int a, int b) {
      return b == 0 ? Double.NaN : (double) a / b;
    }
  }

  /** The outcome: tallies overall, by language and by group, and the misses. */
  public record Result(Map<String, Tally> slices, List<String> misses) {
    public Tally overall() {
      return slices.get("overall");
    }
  }

  public Result run(List<EvalCase> cases) {
    Map<String, Tally> slices = new LinkedHashMap<>();
    slices.put("overall", new Tally());
    List<String> misses = new ArrayList<>();
    for (EvalCase c : cases) {
      Report report = checker.check(new Post(c.id(), c.text(), "", ""), 3, threshold);
      List<String> reported = report.matches().stream().map(Match::article).toList();
      List<Tally> tallies = new ArrayList<>();
      tallies.add(slices.get("overall"));
      tallies.add(slices.computeIfAbsent("lang:" + c.language(), k -> new Tally()));
      tallies.add(slices.computeIfAbsent("group:" + c.group(), k -> new Tally()));
      score(c, report, reported, tallies, misses);
    }
    return new Result(slices, misses);
  }

  private static void score(
      EvalCase c, Report report, List<String> reported, List<Tally> tallies, List<String> misses) {
    boolean positive = !c.expect().isEmpty();
    boolean hit3 = reported.stream().limit(3).anyMatch(c.expect()::contains);
    boolean top1 = !reported.isEmpty() && c.expect().contains(reported.get(0));
    boolean clean = reported.stream().allMatch(c.allowMatches()::contains);
    if (positive && !top1) {
      misses.add(c.id() + " [" + c.language() + "] match: expected " + c.expect() + ", reported " + reported);
    }
    if (!positive && !clean) {
      misses.add(c.id() + " [" + c.language() + "] no-match: reported " + reported);
    }
    int found = 0, right = 0, good = 0;
    for (EvalCase.ExpectedFlag f : c.flags()) {
      int start = c.text().indexOf(f.text());
      int end = start + f.text().length();
      List<Flag> overlapping =
          report.flags().stream().filter(r -> r.start() < end && start < r.end()).toList();
      if (overlapping.isEmpty()) {
        misses.add(c.id() + " [" + c.language() + "] flag missed: \"" + f.text() + "\" " + f.category());
        continue;
      }
      found++;
      if (overlapping.stream().anyMatch(r -> r.category().label().equals(f.category()))) {
        right++;
      } else {
        misses.add(c.id() + " [" + c.language() + "] flag category: \"" + f.text() + "\" expected "
            + f.category() + ", reported " + overlapping.get(0).category().label());
      }
    }
    for (Flag r : report.flags()) {
      boolean ok = overlapsAny(c.text(), c.flags().stream().map(EvalCase.ExpectedFlag::text).toList(), r)
          || overlapsAny(c.text(), c.allowFlags(), r);
      if (ok) {
        good++;
      } else {
        misses.add(c.id() + " [" + c.language() + "] wrong flag: \"" + r.text() + "\" " + r.category().label());
      }
    }
    for (Tally t : tallies) {
      if (positive) {
        t.positives++;
        if (hit3) t.hit3++;
        if (top1) t.top1++;
      } else {
        t.negatives++;
        if (clean) t.clean++;
      }
      t.expectedFlags += c.flags().size();
      t.foundFlags += found;
      t.rightCategory += right;
      t.reportedFlags += report.flags().size();
      t.goodFlags += good;
    }
  }

  private static boolean overlapsAny(String text, List<String> spans, Flag r) {
    for (String s : spans) {
      int start = text.indexOf(s);
      if (start >= 0 && r.start() < start + s.length() && start < r.end()) return true;
    }
    return false;
  }

  /** The metrics as a fixed-width table, one row per slice. */
  public static String table(Result result) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-16s %5s %6s %6s %7s %7s %7s %7s %7s%n",
        "slice", "cases", "hit@3", "top-1", "clean-", "flag-R", "flag-P", "cat-acc", "flags"));
    Map<String, Tally> sorted = new TreeMap<>(result.slices());
    List<String> order = new ArrayList<>();
    order.add("overall");
    sorted.keySet().stream().filter(k -> !k.equals("overall")).forEach(order::add);
    for (String name : order) {
      Tally t = result.slices().get(name);
      out.append(String.format("%-16s %5d %6s %6s %7s %7s %7s %7s %7d%n",
          name, t.positives + t.negatives, f(t.hitAt3()), f(t.top1()), f(t.cleanNegative()),
          f(t.flagRecall()), f(t.flagPrecision()), f(t.categoryAccuracy()), t.expectedFlags));
    }
    return out.toString();
  }

  /** The metrics as JSON: {"overall": {...}, "lang:en": {...}, ..., "misses": [...]}. */
  public static ObjectNode json(Result result, ObjectMapper json) {
    ObjectNode out = json.createObjectNode();
    for (Map.Entry<String, Tally> e : result.slices().entrySet()) {
      Tally t = e.getValue();
      ObjectNode node = out.putObject(e.getKey());
      node.put("cases", t.positives + t.negatives);
      put(node, "hit_at_3", t.hitAt3());
      put(node, "top_1", t.top1());
      put(node, "clean_negative", t.cleanNegative());
      put(node, "flag_recall", t.flagRecall());
      put(node, "flag_precision", t.flagPrecision());
      put(node, "category_accuracy", t.categoryAccuracy());
    }
    result.misses().forEach(out.putArray("misses")::add);
    return out;
  }

  private static void put(ObjectNode node, String name, double value) {
    if (Double.isNaN(value)) {
      node.put(name, "n/a");
    } else {
      node.put(name, Math.round(value * 10000) / 10000.0);
    }
  }

  private static String f(double v) {
    return Double.isNaN(v) ? "n/a" : String.format("%.3f", v);
  }

}
