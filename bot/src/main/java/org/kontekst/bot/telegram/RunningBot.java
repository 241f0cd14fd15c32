package org.kontekst.bot.telegram;

import org.kontekst.bot.chat.FollowUps;

/** A bot taking updates, by long polling or by webhook; closing it drains and stops it. */
public interface RunningBot extends AutoCloseable {

  /** Where a command's follow-ups go: the send queue replies use, paced and retried. */
  FollowUps followUps();

  /** Updates received and not yet done. */
  int inFlight();

  @Override
  void close();
}
