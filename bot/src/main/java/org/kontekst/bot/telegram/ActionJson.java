package org.kontekst.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kontekst.bot.chat.Action;

/**
 * An action as it waits in the outbox: the Bot API method it becomes and its fields as JSON. The
 * method names the record, so the JSON carries no type tag.
 */
final class ActionJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ActionJson() {}

  static String method(Action action) {
    if (action instanceof Action.SendText) {
      return "sendMessage";
    }
    if (action instanceof Action.EditText) {
      return "editMessageText";
    }
    return "answerCallbackQuery";
  }

  static String write(Action action) {
    try {
      return JSON.writeValueAsString(action);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + method(action) + " as JSON", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the method is unknown or the JSON does not fit it
   */
  static Action read(String method, String json) {
    Class<? extends Action> type =
        switch (method) {
          case "sendMessage" -> Action.SendText.class;
          case "editMessageText" -> Action.EditText.class;
          case "answerCallbackQuery" -> Action.AnswerCallback.class;
          default -> throw new IllegalArgumentException("not an outbox method: " + method);
        };
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable " + method + ": " + e.getOriginalMessage(), e);
    }
  }
}
