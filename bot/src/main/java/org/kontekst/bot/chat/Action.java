package org.kontekst.bot.chat;

import java.util.List;
import java.util.Objects;

/** Something the bot does in answer to an update. */
public sealed interface Action {

  /** The chat the action goes to; callbacks answers return 0. */
  long chatId();

  /**
   * Sends one message in HTML parse mode, with link previews off.
   *
   * @param replyTo the message to answer, or {@code null}
   * @param keyboard rows of inline buttons, possibly empty
   */
  record SendText(long chatId, Integer replyTo, String html, List<List<Button>> keyboard)
      implements Action {
    public SendText {
      Objects.requireNonNull(html, "html");
      if (html.isBlank()) {
        throw new IllegalArgumentException("a message must not be blank");
      }
      keyboard = keyboard == null ? List.of() : keyboard.stream().map(List::copyOf).toList();
    }

    public static SendText of(long chatId, Integer replyTo, String html) {
      return new SendText(chatId, replyTo, html, List.of());
    }
  }

  /**
   * Replaces the text of one of the bot's messages and its buttons with {@code keyboard} (empty:
   * the buttons go).
   */
  record EditText(long chatId, int messageId, String html, List<List<Button>> keyboard) implements Action {
    public EditText {
      Objects.requireNonNull(html, "html");
      keyboard = keyboard == null ? List.of() : keyboard.stream().map(List::copyOf).toList();
    }

    /** Replaces the text and removes the buttons. */
    public EditText(long chatId, int messageId, String html) {
      this(chatId, messageId, html, List.of());
    }
  }

  /** Answers a button press with a short notice (a toast, or an alert when {@code alert}). */
  record AnswerCallback(String callbackId, String text, boolean alert) implements Action {
    public AnswerCallback {
      Objects.requireNonNull(callbackId, "callbackId");
      text = text == null ? "" : text;
    }

    @Override
    public long chatId() {
      return 0;
    }
  }
}
