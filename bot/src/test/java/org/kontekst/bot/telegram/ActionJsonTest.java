package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.Button;

class ActionJsonTest {

  @Test
  void should_read_back_every_action_as_written() {
    List<Action> actions =
        List.of(
            new Action.SendText(
                -100_123, 42, "<b>Bucha</b> &amp; \"quotes\" — ї",
                List.of(List.of(new Button("Helpful", "f:1"), new Button("Not relevant", "f:2")), List.of(new Button("Volunteers", "v:3")))),
            Action.SendText.of(7, null, "plain"),
            new Action.EditText(7, 99, "edited"),
            new Action.AnswerCallback("q-1", "Thanks!", true));

    for (Action action : actions) {
      assertEquals(action, ActionJson.read(ActionJson.method(action), ActionJson.write(action)));
    }
  }

  @Test
  void should_refuse_an_unknown_method_or_json_that_does_not_fit() {
    assertThrows(IllegalArgumentException.class, () -> ActionJson.read("deleteMessage", "{}"));
    assertThrows(IllegalArgumentException.class, () -> ActionJson.read("sendMessage", "{\"chatId\": 1}"));
    assertThrows(IllegalArgumentException.class, () -> ActionJson.read("sendMessage", "not json"));
  }
}
