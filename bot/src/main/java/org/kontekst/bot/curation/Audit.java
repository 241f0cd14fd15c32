package org.kontekst.bot.curation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of curation writes: who changed what.
 *
 * <p>PLACEHOLDER until part A's audit log is merged: {@link #LOG} writes one log line per write.
 * At the merge, implement this over part A's audit table.
 */
@FunctionalInterface
public interface Audit {

  /**
   * Records one write.
   *
   * @param userId the curator's Telegram user id
   * @param action what was done: "queue.link", "term.add", ...
   * @param detail the ids and values written (curators' input, never a post's text)
   */
  void record(long userId, String action, String detail);

  /** PLACEHOLDER: logs each write at INFO under the logger "kontekst.audit". */
  Audit LOG =
      new Audit() {
        private final Logger log = LoggerFactory.getLogger("kontekst.audit");

        @Override
        public void record(long userId, String action, String detail) {
          log.info("user {} {} {}", userId, action, detail);
        }
      };
}
