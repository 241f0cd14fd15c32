package org.kontekst.bot.chat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** An inline button: its label and the callback data Telegram sends back when it is pressed. */
public record Button(String label, String data) {

  /** Telegram's limit on callback data. */
  public static final int MAX_DATA_BYTES = 64;

  public Button {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(data, "data");
    int bytes = data.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > MAX_DATA_BYTES) {
      throw new IllegalArgumentException("callback data must be 1-64 bytes: " + data);
    }
  }
}
