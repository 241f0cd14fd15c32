package org.kontekst.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.curation.Notice;
import org.kontekst.bot.curation.NoticeOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the curation queue's follow-ups: every {@code interval} it claims the waiting notices and
 * hands them to the {@link SendQueue}, which paces them to Telegram's limits and retries; each is
 * then recorded as sent or failed. Owns its one thread.
 */
final class NoticeSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
  /** Claimed per round; the send queue spreads them out at its pace. */
  private static final int BATCH = 30;

  private final NoticeOutbox outbox;
  private final SendQueue sends;
  private final ScheduledExecutorService timer;

  NoticeSender(NoticeOutbox outbox, SendQueue sends, Duration interval) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.sends = Objects.requireNonNull(sends, "sends");
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kontekst-notices");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(this::round, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void round() {
    try {
      List<Notice> notices = outbox.claim(BATCH);
      for (Notice notice : notices) {
        sends
            .send(ChatKind.PRIVATE, List.of(Action.SendText.of(notice.chatId(), null, notice.html())))
            .whenComplete(
                (ok, error) -> {
                  try {
                    if (error == null) {
                      outbox.sent(notice.id());
                    } else {
                      log.warn("notice {} could not be sent: {}", notice.id(), error.toString());
                      outbox.failed(notice.id());
                    }
                  } catch (RuntimeException e) {
                    log.error("notice {}: cannot record the outcome", notice.id(), e);
                  }
                });
      }
    } catch (RuntimeException e) {
      // The next round tries again; a scheduled task that throws would never run again.
      log.error("cannot claim notices", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
