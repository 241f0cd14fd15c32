package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.bot.bench.FakeBotApi;

class BotCliTest {
  @TempDir Path data;

  @Test
  void should_exit_with_2_and_say_what_to_do_when_the_token_is_missing() {
    String err = captureErr(() -> assertEquals(2, Main.run(Map.of(), "bot", "--data", data.toString())));

    assertTrue(err.contains("TELEGRAM_BOT_TOKEN is not set"), err);
  }

  @Test
  void should_exit_with_2_when_the_server_rejects_the_token() throws Exception {
    try (FakeBotApi api = FakeBotApi.start("1:RIGHT")) {
      Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "1:WRONG", "TELEGRAM_API_URL", api.url().toString());

      String err = captureErr(() -> assertEquals(2, Main.run(env, "bot", "--data", data.toString())));

      assertTrue(err.contains("TELEGRAM_BOT_TOKEN was rejected"), err);
      assertTrue(!err.contains("WRONG"), "the token must not be printed: " + err);
    }
  }

  @Test
  void should_exit_with_2_on_a_bad_metrics_port() {
    Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "1:X", "KONTEKST_METRICS_PORT", "ninety");

    String err = captureErr(() -> assertEquals(2, Main.run(env, "bot", "--data", data.toString())));

    assertTrue(err.contains("KONTEKST_METRICS_PORT must be a port number"), err);
  }

  private static String captureErr(Runnable run) {
    PrintStream old = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setErr(old);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
