package org.kontekst.bot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;

class BackgroundTest {
  private static List<Action> say(String html) {
    return List.of(Action.SendText.of(7, null, html));
  }

  @Test
  void should_keep_replies_that_finish_before_the_transport_is_set_and_apologise_for_a_failed_job() throws Exception {
    BlockingQueue<List<Action>> sent = new LinkedBlockingQueue<>();
    try (Background background = new Background(1, 1, 2)) {
      assertEquals(Background.Admission.STARTED, background.submit(7, ChatKind.PRIVATE, () -> say("early"), () -> say("sorry")));
      assertTrue(background.awaitIdle(Duration.ofSeconds(10)));
      assertEquals(Background.Admission.STARTED, background.submit(8, ChatKind.PRIVATE, () -> {
        throw new IllegalStateException("boom");
      }, () -> say("sorry")));
      assertTrue(background.awaitIdle(Duration.ofSeconds(10)));

      background.deliverTo((kind, actions) -> sent.add(actions));

      List<Action> first = sent.poll(10, TimeUnit.SECONDS);
      List<Action> second = sent.poll(10, TimeUnit.SECONDS);
      assertEquals(List.of("early", "sorry"),
          List.of(((Action.SendText) first.get(0)).html(), ((Action.SendText) second.get(0)).html()));
    }
  }

  @Test
  void should_take_no_job_once_closed() {
    Background background = new Background(1, 1, 1);
    background.close();

    assertEquals(Background.Admission.BUSY, background.submit(7, ChatKind.PRIVATE, () -> say("x"), () -> say("y")));
  }
}
