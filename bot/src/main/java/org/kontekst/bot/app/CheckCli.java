package org.kontekst.bot.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.kontekst.bot.render.ReplyComposer;
import org.kontekst.bot.render.ReplyRenderer;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.InvalidPostException;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kontekst check}: one JSON report per post on stdout, in input order. A bad post gets an
 * error object on its own line and the batch goes on.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks posts against the knowledge base and prints one JSON object per post.",
      "With KONTEKST_LLM_PROVIDER set, the reply opens with a paragraph a language model wrote from the matches,",
      "or is the template reply when the model's answer fails its checks."
    })
final class CheckCli implements Callable<Integer> {
  private final Environment env;

  CheckCli(Environment env) {
    this.env = env;
  }

  /** Longest stdin line read in --jsonl mode; longer lines are answered with an error. */
  static final int MAX_LINE = 1 << 20;

  @Mixin private DataOption data;

  @Option(names = "--top", paramLabel = "N", defaultValue = "3", description = "Most matches per post (default 3).")
  private int top;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      description = "Report matches at or above this confidence; 0 lists the top N. Default: the calibrated threshold.")
  private Double minScore;

  @Option(names = "--jsonl", description = "Read one {\"id\",\"text\",\"forward_from\"} object per stdin line.")
  private boolean jsonl;

  @Option(names = "--lang", paramLabel = "CODE", description = "Interface language of the reply: en or uk (default en).")
  private String interfaceLanguage = "en";

  @Parameters(arity = "0..1", paramLabel = "TEXT", description = "The post to check.")
  private String text;

  @Override
  public Integer call() throws IOException {
    if (top < 1) {
      // With no room for a match the reply would say that nothing was found, which is not so.
      System.err.println("--top must be 1 or more");
      return 2;
    }
    if (minScore != null && !(minScore >= 0 && minScore <= 1)) { // NaN too
      System.err.println("--min-score must be between 0 and 1");
      return 2;
    }
    if (org.kontekst.bot.chat.InterfaceLanguage.parse(interfaceLanguage).isEmpty()) {
      System.err.println("--lang must be en or uk, not " + interfaceLanguage);
      return 2;
    }
    if (!jsonl && text == null) {
      System.err.println("give the post as TEXT, or use --jsonl and send one JSON object per line on stdin");
      return 2;
    }
    if (jsonl && text != null) {
      System.err.println("--jsonl reads the posts from stdin: leave out TEXT, or leave out --jsonl");
      return 2;
    }
    ReportJson reports = new ReportJson();
    ReplyComposer replies =
        new ReplyComposer(new ReplyRenderer(new Texts(), Clock.systemUTC()), env.llm().contextWriter(Ticker.systemTicker()));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Engine engine = Engine.open(data.store(), env.embedding()::create)) {
      double threshold = minScore == null ? engine.threshold() : minScore;
      Checker checker = engine.checker();
      if (!jsonl) {
        try {
          out.println(checked(checker, reports, replies, new Post("", text, "", ""), threshold));
          return 0;
        } catch (InvalidPostException e) {
          // The error object is printed for scripts; the exit code says the post was not checked.
          out.println(reports.error("", e.getMessage()));
          return 2;
        }
      }
      InputStream in = new BufferedInputStream(System.in);
      ObjectMapper json = new ObjectMapper();
      int lineNumber = 0;
      byte[] bytes;
      while ((bytes = readBoundedLine(in)) != null) {
        lineNumber++;
        if (bytes.length > MAX_LINE) {
          out.println(reports.error("", "line " + lineNumber + " is longer than " + MAX_LINE + " bytes: send a shorter post"));
          continue;
        }
        String line;
        try {
          // Each line decoded on its own: a bad byte spoils its line only ('\n' never occurs
          // inside a UTF-8 sequence, so lines split cleanly whatever they hold).
          line = StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
        } catch (CharacterCodingException e) {
          out.println(reports.error("", "line " + lineNumber + " is not valid UTF-8: send UTF-8 text"));
          continue;
        }
        if (lineNumber == 1 && line.startsWith("\uFEFF")) line = line.substring(1); // a byte-order mark
        if (line.isBlank()) continue;
        out.println(answerLine(checker, reports, replies, json, line, lineNumber, threshold));
      }
      return 0;
    }
  }

  /**
   * Reads one line's bytes, keeping at most {@link #MAX_LINE} + 1 bytes of it (the rest is
   * skipped), so a hostile gigabyte-long line cannot exhaust the heap. Returns null at the end of
   * input.
   */
  static byte[] readBoundedLine(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    int c;
    boolean any = false;
    while ((c = in.read()) != -1) {
      any = true;
      if (c == '\n') break;
      if (line.size() <= MAX_LINE) line.write(c);
    }
    if (!any) return null;
    byte[] bytes = line.toByteArray();
    int end = bytes.length;
    return end > 0 && bytes[end - 1] == '\r' ? java.util.Arrays.copyOf(bytes, end - 1) : bytes;
  }

  private String answerLine(
      Checker checker,
      ReportJson reports,
      ReplyComposer replies,
      ObjectMapper json,
      String line,
      int number,
      double threshold) {
    if (line.length() > MAX_LINE) {
      return reports.error("", "line " + number + " is longer than " + MAX_LINE + " characters: send a shorter post");
    }
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JsonProcessingException e) {
      return reports.error("", "line " + number + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return reports.error("", "line " + number + " must be a JSON object such as {\"id\":\"1\",\"text\":\"...\"}");
    }
    String id = node.path("id").isValueNode() ? node.path("id").asText() : "";
    JsonNode textNode = node.get("text");
    if (textNode == null || !textNode.isTextual()) {
      return reports.error(id, "line " + number + " has no \"text\" string: add the post's text");
    }
    String forward = node.path("forward_from").isTextual() ? node.path("forward_from").asText() : "";
    return answer(checker, reports, replies, new Post(id, textNode.asText(), "", forward), threshold);
  }

  private String answer(
      Checker checker, ReportJson reports, ReplyComposer replies, Post post, double threshold) {
    try {
      return checked(checker, reports, replies, post, threshold);
    } catch (InvalidPostException e) {
      return reports.error(post.id(), e.getMessage());
    }
  }

  private String checked(Checker checker, ReportJson reports, ReplyComposer replies, Post post, double threshold) {
    Report report = checker.check(post, top, threshold);
    return reports.of(post.id(), report, replies.plainText(report, interfaceLanguage));
  }
}
