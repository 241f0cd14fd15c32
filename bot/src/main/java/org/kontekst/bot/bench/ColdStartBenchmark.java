package org.kontekst.bot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start to the first answer: each run is a fresh JVM that checks one post against the demo
 * knowledge base, timed from starting the process to the first line of JSON it prints (the answer), as a
 * person who types {@code kontekst check "..."} waits for it.
 *
 * <p>Two ways of starting are timed in turn, so both see the same moments of a shared machine:
 * {@code java -jar} with the JVM's default options, and the {@code kontekst} launcher script, which
 * starts one-off commands with the C1 compiler only and the serial collector.
 */
public final class ColdStartBenchmark {
  /** The post every run checks: it matches an article of the demo knowledge base. */
  public static final String POST =
      "Путін і Кім Чен Ин підписали в Пхеньяні договір про всеосяжне стратегічне партнерство. Рашисти радіють.";

  /** One way of starting: the command before the subcommand's arguments. */
  public record Variant(String label, List<String> command) {}

  /** The times, in milliseconds, of one variant's runs. */
  public record Result(String label, int runs, double p50, double p90, double max, double exitP50) {
    @Override
    public String toString() {
      return String.format(
          "%-22s p50 %.2f s, p90 %.2f s, max %.2f s to the answer; process exit p50 %.2f s (%d runs)",
          label, p50 / 1000, p90 / 1000, max / 1000, exitP50 / 1000, runs);
    }
  }

  private ColdStartBenchmark() {}

  /** {@code java -cp CLASSPATH Main}: what {@code java -jar kontekst.jar} runs, with no options. */
  public static Variant plainJava() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new Variant(
        "java -jar", List.of(java, "-cp", System.getProperty("java.class.path"), "org.kontekst.bot.app.Main"));
  }

  /** The launcher script at {@code script}, run by {@code sh}. */
  public static Variant launcher(Path script) {
    return new Variant("./kontekst (launcher)", List.of("sh", script.toString()));
  }

  /**
   * Imports {@code kb} into a fresh data directory, checks once to settle it, then times {@code
   * runs} checks of each variant, alternating.
   *
   * @throws IOException when a run fails or does not answer with a report
   */
  public static List<Result> run(Path kb, int runs, List<Variant> variants, PrintStream progress)
      throws IOException, InterruptedException {
    Path data = Files.createTempDirectory("kontekst-cold-start");
    Variant first = variants.get(0);
    exec(first, List.of("import", "--data", data.toString(), kb.toString()), false);
    exec(first, List.of("check", "--data", data.toString(), POST), true);
    List<double[]> answers = new ArrayList<>();
    List<double[]> exits = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      answers.add(new double[runs]);
      exits.add(new double[runs]);
    }
    for (int run = 0; run < runs; run++) {
      for (int v = 0; v < variants.size(); v++) {
        double[] times = exec(variants.get(v), List.of("check", "--data", data.toString(), POST), true);
        answers.get(v)[run] = times[0];
        exits.get(v)[run] = times[1];
      }
      progress.printf("cold start: run %d of %d%n", run + 1, runs);
    }
    List<Result> results = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      double[] a = answers.get(v);
      results.add(
          new Result(
              variants.get(v).label(),
              runs,
              CheckBenchmark.percentile(a, 50),
              CheckBenchmark.percentile(a, 90),
              CheckBenchmark.percentile(a, 100),
              CheckBenchmark.percentile(exits.get(v), 50)));
    }
    return results;
  }

  /** Runs one command; returns milliseconds to its first line of JSON and to its exit. */
  private static double[] exec(Variant variant, List<String> arguments, boolean expectReport)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(variant.command());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    // The default model and settings, whatever the caller's environment says.
    env.keySet().removeIf(k -> k.startsWith("KONTEKST_") || k.startsWith("TELEGRAM_"));
    long start = System.nanoTime();
    Process process = builder.start();
    String first;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      // The answer is the first line of JSON (a class path with two logback-test.xml files, as
      // the tests have, makes logback print its status on stdout first).
      do {
        first = out.readLine();
      } while (first != null && !first.startsWith("{"));
      double answered = (System.nanoTime() - start) / 1e6;
      out.transferTo(Writer.nullWriter());
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(variant.label() + " " + arguments.get(0) + " did not finish in 2 minutes");
      }
      double exited = (System.nanoTime() - start) / 1e6;
      if (process.exitValue() != 0) {
        throw new IOException(variant.label() + " " + arguments.get(0) + " exited with " + process.exitValue());
      }
      if (expectReport && (first == null || !first.contains("\"matches\":[{"))) {
        throw new IOException(variant.label() + " did not answer with a match: " + first);
      }
      return new double[] {answered, exited};
    }
  }
}
