package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;

class ReliabilityTest {
  private BotHarness harness;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  private int post(long user, int messageId, String text) {
    int id = harness.api.nextUpdateId();
    harness.send(Updates.privateMessage(messageId, user).from(user, "en").text(text).update(id));
    return id;
  }

  @Test
  void should_honour_retry_after_on_a_429() throws Exception {
    harness = new BotHarness().start();
    harness.api.failNext("sendMessage", 1, 429, 1);

    harness.awaitProcessed(post(1, 1, "Bucha"));

    List<FakeBotApi.Call> attempts = harness.api.calls("sendMessage");
    assertEquals(2, attempts.size(), FakeBotApi.describe(attempts));
    long waited = attempts.get(1).nanoTime() - attempts.get(0).nanoTime();
    assertTrue(waited >= Duration.ofMillis(950).toNanos(), "waited only " + waited / 1_000_000 + " ms");
    assertEquals(1.0, harness.registry.get("kontekst.send.retries").tag("reason", "429").counter().count());
  }

  @Test
  void should_back_off_and_retry_on_server_errors() throws Exception {
    harness = new BotHarness().start();
    harness.api.failNext("sendMessage", 2, 502, null);

    harness.awaitProcessed(post(1, 1, "Bucha"));

    assertEquals(3, harness.api.calls("sendMessage").size());
    assertEquals(2.0, harness.registry.get("kontekst.send.retries").tag("reason", "5xx").counter().count());
  }

  @Test
  void should_give_up_on_a_final_error_without_blocking_later_updates() throws Exception {
    harness = new BotHarness().start();
    harness.api.failNext("sendMessage", 1, 403, null);
    post(1, 1, "Bucha");

    harness.awaitProcessed(post(2, 1, "Bucha"));

    assertEquals(2, harness.api.calls("sendMessage").size());
    assertEquals(1.0, harness.registry.get("kontekst.send.errors").tag("reason", "403").counter().count());
  }

  @Test
  void should_neither_lose_nor_repeat_updates_across_a_restart() throws Exception {
    harness = new BotHarness().start();
    for (int i = 1; i <= 5; i++) {
      post(100 + i, i, "Bucha " + i);
    }
    harness.awaitMessages(5);
    harness.stopBot();
    int last = 0;
    for (int i = 6; i <= 8; i++) {
      last = post(100 + i, i, "Bucha " + i);
    }

    harness.start();
    harness.awaitProcessed(last);
    Thread.sleep(300);

    List<FakeBotApi.Call> sent = harness.api.calls("sendMessage");
    Set<Long> chats = new HashSet<>();
    sent.forEach(c -> chats.add(c.chatId()));
    assertEquals(8, sent.size(), FakeBotApi.describe(sent));
    assertEquals(8, chats.size(), "one reply per update");
  }

  @Test
  void should_drain_updates_in_flight_when_stopping() throws Exception {
    harness = new BotHarness().start();
    int id = post(1, 1, "slow Bucha");
    long deadline = System.currentTimeMillis() + 5000;
    while (harness.api.pendingUpdates() > 0 && harness.api.confirmedOffset() <= id && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(50);

    harness.stopBot();

    assertEquals(1, harness.api.calls("sendMessage").size(), "the reply was sent before stop returned");
  }

  @Test
  void should_leave_no_threads_of_its_own_after_close() throws Exception {
    harness = new BotHarness().start();
    harness.awaitProcessed(post(1, 1, "Bucha"));

    harness.close();
    harness = null;

    assertEquals(List.of(), BotHarness.threadsLeft());
  }

  @Test
  void should_send_one_polite_notice_to_a_flood_not_one_per_message() throws Exception {
    harness = new BotHarness().flood(3).start();
    int last = 0;
    for (int i = 1; i <= 8; i++) {
      last = post(42, i, "post " + i);
    }

    harness.awaitProcessed(last);

    List<FakeBotApi.Call> sent = harness.api.calls("sendMessage");
    assertEquals(4, sent.size(), FakeBotApi.describe(sent));
    assertEquals(1, sent.stream().filter(c -> c.text().startsWith("You're sending posts faster")).count());
  }

  @Test
  void should_survive_updates_with_missing_fields_and_ones_the_library_cannot_read() throws Exception {
    harness = new BotHarness().start();
    var json = harness.api.json();
    harness.send(json.readTree("{\"update_id\": " + harness.api.nextUpdateId() + "}"));
    harness.send(json.readTree("{\"update_id\": " + harness.api.nextUpdateId() + ", \"message\": {\"message_id\": 1, \"date\": 0}}"));
    harness.send(json.readTree("{\"update_id\": " + harness.api.nextUpdateId() + ", \"message\": {\"message_id\": 1, \"date\": 1700000000}}"));
    harness.send(json.readTree("{\"update_id\": " + harness.api.nextUpdateId() + ", \"brand_new_kind\": {\"x\": [1, 2]}}"));
    harness.send(json.readTree("{\"update_id\": " + harness.api.nextUpdateId() + ", \"edited_message\": {\"message_id\": 1, \"date\": 1700000000, \"chat\": {\"id\": 5, \"type\": \"private\"}}}"));
    harness.send(json.readTree("{\"update_id\": " + harness.api.nextUpdateId() + ", \"callback_query\": {\"id\": \"x\", \"chat_instance\": \"c\", \"from\": {\"id\": 5, \"is_bot\": false, \"first_name\": \"A\"}}}"));
    harness.send(json.readTree("{\"update_id\": " + harness.api.nextUpdateId() + ", \"message\": {\"message_id\": 2, \"date\": 1700000000, \"chat\": {\"id\": 5, \"type\": \"private\"}, \"from\": {\"id\": 5, \"is_bot\": false, \"first_name\": \"A\"}, \"sticker\": {\"file_id\": \"s\", \"file_unique_id\": \"s\", \"type\": \"regular\", \"width\": 1, \"height\": 1, \"is_animated\": false, \"is_video\": false}}}"));
    int last = post(5, 3, "Bucha");

    harness.awaitProcessed(last);

    List<FakeBotApi.Call> sent = harness.api.calls("sendMessage");
    assertEquals(2, sent.size(), FakeBotApi.describe(sent));
    assertTrue(sent.get(0).text().startsWith("I can only check text.") || sent.get(1).text().startsWith("I can only check text."));
  }
}
