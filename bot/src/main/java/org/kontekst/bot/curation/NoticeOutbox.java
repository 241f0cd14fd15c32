package org.kontekst.bot.curation;

import java.util.List;

/**
 * The notify-back messages waiting to be sent. A notice is claimed once, in a transaction, before
 * it is sent, so no one hears twice, even across a restart; a send cut short by a crash is not
 * repeated (at most once).
 */
public interface NoticeOutbox {

  /** Claims up to {@code max} waiting notices, oldest first; each is returned once only. */
  List<Notice> claim(int max);

  /** The notice reached Telegram. */
  void sent(long id);

  /** Telegram refused the notice for good (blocked bot, deleted account, ...). */
  void failed(long id);

  /** Nothing to send, ever: for tools that run without Telegram. */
  NoticeOutbox NONE =
      new NoticeOutbox() {
        @Override
        public List<Notice> claim(int max) {
          return List.of();
        }

        @Override
        public void sent(long id) {}

        @Override
        public void failed(long id) {}
      };
}
