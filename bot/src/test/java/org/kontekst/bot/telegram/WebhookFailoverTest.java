package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;

/**
 * Two instances on one database: what one leaves behind when it dies (without draining, writing
 * nothing more) is finished by the other after the lease, and every message is answered once.
 */
class WebhookFailoverTest {
  private static final Duration LEASE = Duration.ofSeconds(1);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path data;
  private WebhookHarness harness;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  /** Pushes posts from chats {@code first..first+n-1}, message id = chat; returns who expects a reply. */
  private List<FakeBotApi.Answer> push(int first, int n, String text) {
    List<FakeBotApi.Answer> expected = new ArrayList<>();
    for (int chat = first; chat < first + n; chat++) {
      harness.push(Updates.privateMessage(chat, chat).from(chat, "en").text(text + " " + chat).update(harness.api.nextUpdateId()));
      expected.add(new FakeBotApi.Answer(chat, chat));
    }
    return expected;
  }

  private void assertAnsweredOnce(List<FakeBotApi.Answer> expected) throws Exception {
    harness.awaitAnswers(expected, WAIT);
    harness.awaitCount("SELECT COUNT(*) FROM tg_outbox", 0, WAIT);
    Map<FakeBotApi.Answer, Integer> answers = harness.api.answers();
    for (FakeBotApi.Answer a : expected) {
      assertEquals(1, answers.get(a), "replies to " + a + "\n" + FakeBotApi.describe(harness.api.calls("sendMessage")));
    }
    assertEquals(expected.size(), answers.size(), "no other replies");
  }

  @Test
  void should_answer_updates_orphaned_by_a_dead_instance_exactly_once() throws Exception {
    // given: instance A records six posts and dies while checking them
    harness = new WebhookHarness(data);
    StuckChecker stuck = new StuckChecker();
    WebhookHarness.Instance a = harness.start(stuck, LEASE);
    harness.route(a);
    List<FakeBotApi.Answer> expected = push(101, 6, "stuck Bucha");
    assertTrue(harness.api.webhook().awaitAccepted(6, WAIT), "all six recorded and acknowledged");
    stuck.awaitEntered(1);
    a.halt();
    assertEquals(6, harness.count("SELECT COUNT(*) FROM tg_inbox WHERE state = 'NEW'"));

    // when: instance B runs on the same database
    WebhookHarness.Instance b = harness.start(new FakeChecker(), LEASE);

    // then
    assertAnsweredOnce(expected);
    assertEquals(6.0, b.count("kontekst.inbox", "event", "taken_over"));
    assertEquals(0, harness.count("SELECT COUNT(*) FROM tg_inbox WHERE state <> 'DONE' OR payload IS NOT NULL"));

    // and when A wakes up from its hang, its late results are refused
    int woken = stuck.entered();
    stuck.release();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (a.count("kontekst.inbox", "event", "lost") < woken && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(woken, (int) a.count("kontekst.inbox", "event", "lost"));
    assertAnsweredOnce(expected);
  }

  @Test
  void should_send_calls_a_dead_instance_never_attempted_once_and_not_count_them_ambiguous() throws Exception {
    // given: A paces one message an hour, so of three replies one goes and two wait, unattempted
    harness = new WebhookHarness(data);
    SendLimits hourly =
        new SendLimits(true, Duration.ofHours(1), 1, Duration.ofHours(1), 1, Duration.ofHours(1), 1);
    WebhookHarness.Instance a = harness.start(new FakeChecker(), hourly, LEASE);
    harness.route(a);
    List<FakeBotApi.Answer> expected = push(201, 3, "Bucha");
    harness.api.await("sendMessage", 1, WAIT);
    // Waited for apart: the sent reply's row may still be there, or the third reply not yet written.
    harness.awaitCount("SELECT COUNT(*) FROM tg_outbox WHERE attempts = 0", 2, WAIT);
    harness.awaitCount("SELECT COUNT(*) FROM tg_outbox", 2, WAIT);
    a.halt();

    // when
    WebhookHarness.Instance b = harness.start(new FakeChecker(), LEASE);

    // then
    assertAnsweredOnce(expected);
    assertEquals(2.0, b.count("kontekst.outbox.takeovers"));
    assertEquals(0.0, b.count("kontekst.sends.ambiguous"));
  }

  @Test
  void should_resend_calls_whose_outcome_a_dead_instance_did_not_record_and_count_them_ambiguous() throws Exception {
    // given: A's first two calls get a 429 asking to wait an hour, and A dies waiting
    harness = new WebhookHarness(data);
    harness.api.failNext("sendMessage", 2, 429, 3600);
    WebhookHarness.Instance a = harness.start(new FakeChecker(), LEASE);
    harness.route(a);
    List<FakeBotApi.Answer> expected = push(301, 2, "Bucha");
    harness.api.await(c -> c.method().equals("sendmessage") && c.status() == 429, 2, WAIT);
    harness.awaitCount("SELECT COUNT(*) FROM tg_outbox WHERE attempts = 1", 2, WAIT);
    a.halt();

    // when
    WebhookHarness.Instance b = harness.start(new FakeChecker(), LEASE);

    // then
    assertAnsweredOnce(expected);
    assertEquals(2.0, b.count("kontekst.sends.ambiguous"));
  }

  @Test
  void should_try_again_later_a_reply_telegram_failed_through_every_retry_rather_than_drop_it() throws Exception {
    // given: Telegram fails the first six sendMessage calls with 502, one more than the five
    // attempts the send queue makes (found by the multi-instance proof: 10% failures lost a reply)
    harness = new WebhookHarness(data);
    harness.api.failNext("sendMessage", 6, 502, null);
    WebhookHarness.Instance a = harness.start(new FakeChecker(), LEASE);
    harness.route(a);

    // when
    List<FakeBotApi.Answer> expected = push(401, 1, "Bucha");

    // then: answered once after the pause, and the repeat is counted as possibly duplicated
    assertAnsweredOnce(expected);
    assertEquals(7, harness.api.calls("sendMessage").size(), "six failures, then the call that went through");
    assertEquals(1.0, a.count("kontekst.sends.ambiguous"));
  }

  @Test
  void should_keep_an_update_whose_work_outlasts_the_lease_with_its_instance() throws Exception {
    // given: a check that takes three leases, on A, while B sweeps the same database
    harness = new WebhookHarness(data);
    StuckChecker stuck = new StuckChecker();
    Duration lease = Duration.ofMillis(1500);
    WebhookHarness.Instance a = harness.start(stuck, lease);
    WebhookHarness.Instance b = harness.start(new FakeChecker(), lease);
    harness.route(a);
    List<FakeBotApi.Answer> expected = push(401, 1, "stuck Bucha");
    stuck.awaitEntered(1);

    // when
    Thread.sleep(lease.multipliedBy(3).toMillis());
    stuck.release();

    // then: A renewed its lease, so B took nothing over
    assertAnsweredOnce(expected);
    assertEquals(0.0, b.count("kontekst.inbox", "event", "taken_over"));
    assertEquals(0.0, a.count("kontekst.inbox", "event", "lost"));
  }

  @Test
  void should_give_up_an_update_that_took_down_every_instance_that_took_it() throws Exception {
    // given: an update already claimed by three instances, the last of which died
    harness = new WebhookHarness(data);
    StuckChecker stuck = new StuckChecker();
    WebhookHarness.Instance a = harness.start(stuck, LEASE);
    harness.route(a);
    push(501, 1, "stuck Bucha");
    stuck.awaitEntered(1);
    a.halt();
    try (var c = harness.store.dataSource().getConnection();
        var ps = c.prepareStatement("UPDATE tg_inbox SET claims = " + WebhookProcessor.MAX_CLAIMS)) {
      ps.executeUpdate();
    }

    // when
    WebhookHarness.Instance b = harness.start(new FakeChecker(), LEASE);
    harness.awaitCount("SELECT COUNT(*) FROM tg_inbox WHERE state = 'DONE'", 1, WAIT);

    // then
    assertEquals(1.0, b.count("kontekst.inbox", "event", "given_up"));
    assertEquals(List.of(), harness.api.calls("sendMessage"));
    stuck.release();
  }
}
