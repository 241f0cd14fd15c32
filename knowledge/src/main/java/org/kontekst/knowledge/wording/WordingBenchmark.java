package org.kontekst.knowledge.wording;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A micro benchmark of the wording detector, for the {@code bench} command: the time to flag a
 * 4,000-character mixed-language post with the bundled lexicon, and with the lexicon grown to
 * 10,000 entries by synthetic terms. No JMH: a warm-up, then the median of several timed batches.
 *
 * <p>It reports wall-clock time and the CPU time of the measuring thread; on a shared machine the
 * second is the steadier figure, since it leaves out the time the thread waited for a core.
 */
public final class WordingBenchmark {
  /** The size of the post, as in the speed requirement. */
  public static final int POST_CHARS = 4_000;

  /** The size of the grown lexicon. */
  public static final int LARGE_LEXICON = 10_000;

  private static final String[] SENTENCES = {
    "Kremlin ruler Volodymyr Putin flies to the DPRK to sign a strategic partnership with Pyongyang. ",
    "The United States says it will use every tool it has to choke off weapons flowing to Russia. ",
    "Путин поблагодарил КНДР за поддержку СВО, а спонсоры киевского режима нервничают. ",
    "Белый дом призвал КНДР прекратить переговоры с Россией об оружии и боеприпасах. ",
    "Супутникові знімки свідчать, що в центрі Пхеньяна готуються до військового параду. ",
    "Рашисти щоночі запускають по наших містах іранські «шахеди», а орки брешуть про удари. ",
    "🇺🇦 Heatwave warning for Kyiv: up to 36°C expected on Wednesday and Thursday. ",
    "Ночью на Крымском мосту прогремели два хлопка, повреждён пролёт автомобильной части. ",
    "Вода затоплює Херсонщину на обох берегах Дніпра, рятувальники евакуюють людей. ",
  };

  private WordingBenchmark() {}

  /** One measurement. */
  public record Result(String lexicon, int entries, int postChars, double wallMicrosPerPost,
      double cpuMicrosPerPost, int flags) {
    @Override
    public String toString() {
      return String.format(
          "%s lexicon (%d entries), %d-char post: %.1f µs/post wall, %.1f µs/post CPU, %d flags",
          lexicon, entries, postChars, wallMicrosPerPost, cpuMicrosPerPost, flags);
    }
  }

  /** Runs both measurements; takes a few seconds. */
  public static List<Result> run() {
    String post = post();
    List<LexiconEntry> bundled = LexiconFiles.entries();
    LexiconDetector standard = Wording.of(bundled);
    List<LexiconEntry> grown = new ArrayList<>(bundled);
    grown.addAll(synthetic(LARGE_LEXICON - bundled.size(), new Random(42)));
    LexiconDetector large = Wording.of(grown);
    // Both detectors share the code paths, so warm both before timing either.
    measure("warm-up", standard, post);
    measure("warm-up", large, post);
    return List.of(measure("bundled", standard, post), measure("grown", large, post));
  }

  static String post() {
    StringBuilder post = new StringBuilder(POST_CHARS + 200);
    for (int i = 0; post.length() < POST_CHARS; i++) {
      post.append(SENTENCES[i % SENTENCES.length]);
    }
    return post.substring(0, POST_CHARS);
  }

  private static Result measure(String name, LexiconDetector detector, String post) {
    int flags = 0;
    for (int i = 0; i < 3_000; i++) {
      flags = detector.detect(post, "uk").size();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
    int batch = 500;
    double[] wall = new double[7];
    double[] cpu = new double[7];
    for (int b = 0; b < wall.length; b++) {
      long startCpu = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
      long start = System.nanoTime();
      for (int i = 0; i < batch; i++) {
        flags = detector.detect(post, "uk").size();
      }
      wall[b] = (System.nanoTime() - start) / 1_000.0 / batch;
      cpu[b] = cpuClock ? (threads.getCurrentThreadCpuTime() - startCpu) / 1_000.0 / batch : wall[b];
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new Result(name, detector.size(), post.length(), wall[wall.length / 2],
        cpu[cpu.length / 2], flags);
  }

  /** Pseudo-words shaped like real entries (stems with endings, phrases), which rarely match. */
  static List<LexiconEntry> synthetic(int count, Random random) {
    String cyrillic = "абвгдежзиклмнопрстуфхцчшщыэюяії";
    String latin = "abcdefghijklmnopqrstuvwxyz";
    List<LexiconEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean isLatin = i % 3 == 0;
      String letters = isLatin ? latin : cyrillic;
      StringBuilder form = new StringBuilder();
      int words = 1 + random.nextInt(3);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          form.append(' ');
        }
        int length = 4 + random.nextInt(7);
        for (int k = 0; k < length; k++) {
          form.append(letters.charAt(random.nextInt(letters.length())));
        }
        form.append(isLatin ? "" : "~");
      }
      entries.add(new LexiconEntry(isLatin ? "en" : "ru", "emotive", List.of(form.toString()),
          "Synthetic entry for the benchmark.", "Синтетичний запис для вимірювання.", "", ""));
    }
    return entries;
  }

  /** Prints the measurements; {@code bench} calls {@link #run()} instead. */
  public static void main(String[] args) {
    run().forEach(System.out::println);
  }
}
