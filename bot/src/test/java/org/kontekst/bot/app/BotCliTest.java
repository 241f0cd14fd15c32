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

  @Test
  void should_exit_with_2_and_say_what_to_do_when_webhook_mode_has_no_secret() {
    Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "1:X");

    String err = captureErr(() -> assertEquals(2, Main.run(env, "bot", "--webhook", "--data", data.toString())));

    assertTrue(err.contains("KONTEKST_WEBHOOK_SECRET is not set"), err);
  }

  @Test
  void should_exit_with_2_on_a_secret_telegram_would_refuse_without_printing_it() {
    for (String secret : new String[] {"has spaces in it", "x".repeat(257), "semi;colon"}) {
      Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "1:X", "KONTEKST_WEBHOOK_SECRET", secret);

      String err = captureErr(() -> assertEquals(2, Main.run(env, "bot", "--webhook", "--data", data.toString())));

      assertTrue(err.contains("1-256 characters"), err);
      assertTrue(!err.contains(secret), "the secret must not be printed: " + err);
    }
  }

  @Test
  void should_exit_with_2_on_bad_webhook_addresses() {
    Map<String, String> env =
        Map.of("TELEGRAM_BOT_TOKEN", "1:X", "KONTEKST_WEBHOOK_SECRET", "ok", "KONTEKST_WEBHOOK_URL", "ftp://example.org/hook");

    assertTrue(captureErr(() -> assertEquals(2, Main.run(env, "bot", "--webhook", "--data", data.toString())))
        .contains("https://host"));
    Map<String, String> noUrl = Map.of("TELEGRAM_BOT_TOKEN", "1:X", "KONTEKST_WEBHOOK_SECRET", "ok");
    for (String listen : new String[] {"8080", "host:", "host:99999", ":80"}) {
      String err = captureErr(() -> assertEquals(2, Main.run(noUrl, "bot", "--webhook", "--listen", listen, "--data", data.toString())));
      assertTrue(err.contains("--listen"), listen + ": " + err);
    }
    assertTrue(captureErr(() -> assertEquals(2, Main.run(noUrl, "bot", "--listen", "127.0.0.1:1", "--data", data.toString())))
        .contains("add --webhook"));
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
