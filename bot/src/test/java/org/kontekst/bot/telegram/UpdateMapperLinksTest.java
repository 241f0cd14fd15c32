package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;

class UpdateMapperLinksTest {

  private static MessageEntity entity(String type, int offset, int length, String url) {
    MessageEntity e = new MessageEntity(type, offset, length);
    e.setUrl(url);
    return e;
  }

  @Test
  void should_take_hidden_link_targets_and_visible_links_counting_utf16_units() {
    String text = "🙂 See example.ru/a and this";
    // The emoji is two UTF-16 units, as Telegram counts offsets.
    int at = text.indexOf("example.ru/a");

    List<String> links = UpdateMapper.links(text, List.of(
        entity("bold", 0, 2, null),
        entity("url", at, "example.ru/a".length(), null),
        entity("text_link", text.indexOf("this"), 4, "https://hidden.example.org/x")));

    assertEquals(7, at);
    assertEquals(List.of("example.ru/a", "https://hidden.example.org/x"), links);
  }

  @Test
  void should_skip_entities_outside_the_text_and_hidden_links_without_a_target() {
    List<String> links = UpdateMapper.links("short", List.of(
        entity("url", 3, 10, null),
        entity("url", -1, 2, null),
        entity("text_link", 0, 5, " "),
        entity("text_link", 0, 5, null)));

    assertEquals(List.of(), links);
  }
}
