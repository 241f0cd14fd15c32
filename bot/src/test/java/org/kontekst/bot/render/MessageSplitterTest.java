package org.kontekst.bot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {
  private final MessageSplitter splitter = new MessageSplitter(300);

  @Test
  void should_keep_a_short_message_whole() {
    assertEquals(List.of("<b>hi</b>"), splitter.split("  <b>hi</b>\n"));
  }

  @Test
  void should_close_and_reopen_tags_open_at_a_split() {
    String html = "<blockquote><a href=\"https://x.org/a?b=1&amp;c=2\">" + "word ".repeat(150) + "</a></blockquote>";

    List<String> parts = splitter.split(html);

    assertTrue(parts.size() >= 3, parts.toString());
    for (String part : parts) {
      assertTrue(part.length() <= 300, part.length() + ": " + part);
      assertTrue(part.startsWith("<blockquote><a href=\"https://x.org/a?b=1&amp;c=2\">"), part);
      assertTrue(part.endsWith("</a></blockquote>"), part);
    }
  }

  @Test
  void should_never_cut_an_entity_a_tag_or_a_surrogate_pair() {
    String html = ("&amp;&lt;👍<i>x</i>").repeat(100);

    for (String part : splitter.split(html)) {
      assertTrue(part.length() <= 300);
      assertFalse(part.matches("(?s).*&[a-z]*$"), part);
      assertFalse(Character.isHighSurrogate(part.charAt(part.length() - 1)), part);
      assertEquals(part.split("<i>", -1).length, part.split("</i>", -1).length, part);
    }
  }

  @Test
  void should_prefer_a_line_break_for_the_split() {
    String html = "a".repeat(200) + "\n" + "b ".repeat(100);

    List<String> parts = splitter.split(html);

    assertEquals("a".repeat(200), parts.get(0));
  }

  @Test
  void should_keep_every_visible_character_of_text_split_at_spaces() {
    String text = "word ".repeat(400).strip();

    String joined = String.join(" ", splitter.split(text));

    assertEquals(text, joined);
  }
}
