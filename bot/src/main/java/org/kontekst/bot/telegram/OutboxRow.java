package org.kontekst.bot.telegram;

import java.util.Objects;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;

/**
 * One Bot API call owed in webhook mode: the {@code seq}-th action answering update {@code
 * updateId}, and how many calls were made for it already (by any instance).
 */
record OutboxRow(long updateId, int seq, ChatKind kind, Action action, int attempts) {
  OutboxRow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(action, "action");
    if (seq < 0 || attempts < 0) {
      throw new IllegalArgumentException("seq and attempts must not be negative: " + seq + ", " + attempts);
    }
  }
}
