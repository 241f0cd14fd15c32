package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON contract of {@code kontekst check}, on a real knowledge base, index and model. */
class CheckCliTest {
  @TempDir static Path data;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void importKnowledgeBase() throws URISyntaxException {
    Path kb = Path.of(CheckCliTest.class.getResource("/kb").toURI());
    assertEquals(0, Main.commandLine(Map.of()).execute("import", "--data", data.toString(), kb.toString()));
  }

  private static List<JsonNode> run(byte[] stdin, String... args) throws Exception {
    PrintStream oldOut = System.out;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin));
      List<String> all = new ArrayList<>(List.of("check", "--data", data.toString()));
      all.addAll(List.of(args));
      Main.commandLine(Map.of()).execute(all.toArray(String[]::new));
    } finally {
      System.setOut(oldOut);
      System.setIn(oldIn);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) lines.add(JSON.readTree(line));
    }
    return lines;
  }

  private static List<JsonNode> jsonl(String stdin) throws Exception {
    return run(stdin.getBytes(StandardCharsets.UTF_8), "--jsonl");
  }

  @Test
  void should_print_the_report_fields_for_one_post() throws Exception {
    List<JsonNode> out = run(new byte[0],
        "⚡️ Kremlin ruler Volodymyr Putin signed a partnership treaty with Kim Jong-un in Pyongyang on 19 June");
    assertEquals(1, out.size());
    JsonNode report = out.get(0);
    for (String field : List.of("id", "language", "matches", "flags", "reply")) {
      assertTrue(report.has(field), "missing " + field + ": " + report);
    }
    assertEquals("en", report.get("language").asText());
    JsonNode match = report.get("matches").get(0);
    assertEquals("summit", match.get("article").asText());
    for (String field : List.of("title", "outlet", "url", "published", "score", "passage")) {
      assertTrue(match.has(field), "match lacks " + field);
    }
    assertEquals("2024-06-20", match.get("published").asText());
    assertFalse(report.get("reply").asText().isBlank());
  }

  @Test
  void should_give_flag_offsets_in_utf16_units_of_the_original_text() throws Exception {
    String text = "🇺🇦🔥 Volodymyr Putin flew to Pyongyang to sign a treaty with Kim Jong-un";
    JsonNode report = run(new byte[0], text).get(0);
    JsonNode flag = report.get("flags").get(0);
    int start = flag.get("start").asInt();
    int end = flag.get("end").asInt();
    assertEquals(text.indexOf("Volodymyr Putin"), start);
    assertEquals(text.substring(start, end), flag.get("text").asText());
    assertEquals("misnaming", flag.get("category").asText());
  }

  @Test
  void should_answer_every_jsonl_line_in_order_with_errors_for_bad_ones() throws Exception {
    String huge = "x".repeat(1_100_000);
    String stdin = String.join("\n",
        "{\"id\":\"a\",\"text\":\"Kakhovka dam destroyed on 6 June, water flooded Kherson villages\",\"extra\":1}",
        "not json at all",
        "{\"id\":\"b\",\"text\":\"   \"}",
        "{\"id\":\"c\"}",
        "[1,2,3]",
        "{\"id\":\"d\",\"text\":\"" + huge + "\"}",
        "{\"id\":\"e\",\"text\":\"bad \\ud800 surrogate\"}",
        "{\"id\":\"f\",\"text\":\"binary \\u0000\\u0001\\u0002\\u0003 bytes\"}",
        "{\"id\":\"g\",\"text\":\"Путін підписав договір з Кім Чен Ином у Пхеньяні 19 червня\",\"forward_from\":\"Some channel\"}");
    List<JsonNode> out = jsonl(stdin);
    assertEquals(9, out.size());
    assertEquals("a", out.get(0).get("id").asText());
    assertEquals("dam", out.get(0).get("matches").get(0).get("article").asText());
    for (int i = 1; i <= 7; i++) {
      assertTrue(out.get(i).has("error"), "line " + (i + 1) + " should be an error: " + out.get(i));
    }
    assertEquals("b", out.get(2).get("id").asText());
    assertEquals("g", out.get(8).get("id").asText());
    assertEquals("uk", out.get(8).get("language").asText());
    assertEquals("summit", out.get(8).get("matches").get(0).get("article").asText());
  }

  @Test
  void should_list_the_top_n_whatever_the_threshold_with_min_score_zero() throws Exception {
    JsonNode report = run(new byte[0], "--top", "2", "--min-score", "0", "weather forecast for the weekend").get(0);
    assertEquals(2, report.get("matches").size());
    JsonNode strict = run(new byte[0], "weather forecast for the weekend").get(0);
    assertEquals(0, strict.get("matches").size());
  }

  @Test
  void should_refuse_options_that_would_give_a_misleading_answer() {
    String post = "Путін підписав у Пхеньяні договір з Кім Чен Ином";
    for (String[] options : new String[][] {
        {"--top", "0"}, {"--top", "-1"}, {"--min-score", "NaN"}, {"--min-score", "1.5"}, {"--lang", "xx"}}) {
      int code = Main.commandLine(Map.of()).execute("check", "--data", data.toString(), options[0], options[1], post);
      assertEquals(2, code, String.join(" ", options));
    }
    assertEquals(2, Main.commandLine(Map.of()).execute("check", "--data", data.toString(), "--jsonl", post));
  }

  @Test
  void should_exit_2_with_the_error_object_for_a_post_that_cannot_be_checked() throws Exception {
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = Main.commandLine(Map.of()).execute("check", "--data", data.toString(), "   ");
    } finally {
      System.setOut(oldOut);
    }
    assertEquals(2, code);
    assertTrue(JSON.readTree(out.toString(StandardCharsets.UTF_8)).has("error"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void should_report_bad_utf8_on_its_own_line_and_go_on() throws Exception {
    java.io.ByteArrayOutputStream stdin = new java.io.ByteArrayOutputStream();
    // A byte-order mark first, as Windows editors write it; 200 good lines; one bad; two good.
    stdin.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    for (int i = 1; i <= 200; i++) {
      stdin.writeBytes(("{\"id\":\"g" + i + "\",\"text\":\"Пост номер " + i + " про погоду\"}\n").getBytes(StandardCharsets.UTF_8));
    }
    stdin.writeBytes(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    stdin.writeBytes("{\"id\":\"after1\",\"text\":\"one more\"}\r\n{\"id\":\"after2\",\"text\":\"and another\"}".getBytes(StandardCharsets.UTF_8));

    List<JsonNode> out = run(stdin.toByteArray(), "--jsonl");

    assertEquals(203, out.size());
    for (int i = 0; i < 200; i++) {
      assertEquals("g" + (i + 1), out.get(i).get("id").asText(), out.get(i).toString());
      assertFalse(out.get(i).has("error"), out.get(i).toString());
    }
    assertTrue(out.get(200).get("error").asText().contains("line 201 is not valid UTF-8"), out.get(200).toString());
    assertEquals("after1", out.get(201).get("id").asText());
    assertEquals("after2", out.get(202).get("id").asText());
  }
}
