package org.kontekst.bot.telegram;

/** A bot taking updates, by long polling or by webhook; closing it drains and stops it. */
public interface RunningBot extends AutoCloseable {

  /** Updates received and not yet done. */
  int inFlight();

  @Override
  void close();
}
