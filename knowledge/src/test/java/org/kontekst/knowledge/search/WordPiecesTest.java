package org.kontekst.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our word pieces against the Hugging Face (Rust) tokenizer's, through DJL, on the same file. */
class WordPiecesTest {
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private static WordPieces ours;
  private static HuggingFaceTokenizer theirs;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream a = WordPiecesTest.class.getResourceAsStream(TOKENIZER);
        InputStream b = WordPiecesTest.class.getResourceAsStream(TOKENIZER)) {
      ours = WordPieces.read(a);
      theirs =
          HuggingFaceTokenizer.newInstance(
              b, Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(MiniLm.MAX_TOKENS)));
    }
  }

  @AfterAll
  static void release() {
    theirs.close();
  }

  private static void assertSame(String text) {
    long[] expected = theirs.encode(text, true, false).getIds();
    assertArrayEquals(expected, ours.ids(text, MiniLm.MAX_TOKENS), () -> "ids differ for: " + text);
  }

  @Test
  void givesTheRustLibrarysIdsOnHardCases() {
    List<String> texts =
        List.of(
            "",
            " ",
            "Hello, World!",
            "Путін і Кім Чен Ин підписали в Пхеньяні договір. Рашисти радіють.",
            "Владимир Путин заявил: «СВО идёт по плану» — ёлка, йод, Ї, ґанок.",
            "Café naïve façade Ærø straße İstanbul ΣΊΣΥΦΟΣ Οδυσσεύς",
            "100€ №5 $20 +380 50 123-45-67 10:30 3.5% ½ ² x²",
            "emoji 🇺🇦 🔥hello😀 🥰 👨‍👩‍👧 ❤️",
            "zero\u200bwidth soft\u00adhyphen nb\u00a0space thin\u2009space\u3000ideographic",
            "tab\there\nnew\r\nline\u0085next\u000bvertical\u2028sep",
            "中文字符 日本語のテキスト 한국어 텍스트",
            "عربى עברית हिन्दी ไทย",
            "[CLS] [SEP] a[MASK]b [UNK][PAD] [mask] [ CLS] [[SEP]]",
            "https://t.me/some_channel/1234?x=1#frag @user #hashtag",
            "a".repeat(101) + " " + "b".repeat(100),
            "supercalifragilisticexpialidocious antidisestablishmentarianism",
            "\u0000nul \ufffdreplacement \ue000private",
            "combining e\u0301 a\u0308 \u0301lone mark, Zalgo h\u0335\u0321e\u0334\u0322l\u0336p",
            "«quotes» „low“ ‘single’ ‹angle› — – ‐ … · • ‼ ⁉",
            String.join(" ", Collections.nCopies(300, "war")) + " peace",
            String.join(" ", Collections.nCopies(200, "Київ")));
    for (String text : texts) assertSame(text);
  }

  @Test
  void givesTheRustLibrarysIdsOnTheDemoKnowledgeBase() throws IOException {
    Path demo = Path.of("..", "demo", "kb");
    assumeTrue(Files.isDirectory(demo), "demo/kb is missing (tests run from the module folder)");
    int checked = 0;
    try (Stream<Path> files = Files.list(demo)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          assertSame(line);
          checked++;
        }
      }
    }
    assertTrue(checked > 100, "read " + checked + " lines");
  }

  @Test
  void givesTheRustLibrarysIdsOnTheSharedDatasets() {
    Path shared = Path.of("..", "..", "shared");
    if (!Files.isDirectory(shared)) shared = Path.of("..", "shared");
    Path data = shared.resolve("data");
    assumeTrue(Files.isDirectory(data),
        "../shared/data is missing (looked in " + data.toAbsolutePath().normalize() + "): skipping the"
            + " comparison on the shared datasets");
    List<Path> files = new ArrayList<>();
    files.add(shared.resolve("eval").resolve("dev.jsonl"));
    files.add(data.resolve("clef2020-task2").resolve("verified_claims.docs.tsv"));
    files.add(data.resolve("clef2020-task2").resolve("test__tweets.queries.tsv"));
    files.add(data.resolve("euvsdisinfo-2015-2021").resolve("posts.csv"));
    files.add(data.resolve("stopfake-uk-2022-2023").resolve("stopfake_refuted_uk.jsonl"));
    int checked = 0;
    for (Path file : files) {
      if (!Files.isRegularFile(file)) continue;
      try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
        for (String line : (Iterable<String>) lines::iterator) {
          assertSame(line);
          checked++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertTrue(checked > 10_000, "read " + checked + " lines");
  }

  @Test
  void refusesATokenizerThatIsNotBert() {
    String json = "{\"normalizer\":{\"type\":\"NFKC\"},\"model\":{\"type\":\"WordPiece\",\"vocab\":{\"[UNK]\":0}}}";
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> WordPieces.read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("NFKC"), e.getMessage());
  }

  @Test
  void capsTheIdsAtTheGivenLengthWithTheSeparatorLast() {
    long[] ids = ours.ids(String.join(" ", Collections.nCopies(50, "war")), 10);
    assertEquals(10, ids.length);
    assertEquals(ours.ids("", 10)[1], ids[9]);
  }
}
