package org.kontekst.bot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.chat.InterfaceLanguage;

class TextsTest {
  private final Texts texts = new Texts();

  @Test
  void should_keep_apostrophes_and_not_substitute_inside_arguments() {
    assertEquals("Готово: тут я говоритиму українською.", texts.get(InterfaceLanguage.UK, "lang.set"));
    assertTrue(texts.get(InterfaceLanguage.UK, "category.euphemism").contains("м'якші"));
    assertEquals("I can't check this post: {1} {0}", texts.get(InterfaceLanguage.EN, "check.invalid", "{1} {0}"));
  }

  @Test
  void should_have_every_english_key_in_ukrainian_too() {
    ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    ResourceBundle en = ResourceBundle.getBundle("org.kontekst.bot.render.messages", java.util.Locale.ROOT, control);
    List<String> missing = new ArrayList<>();
    for (String key : Collections.list(en.getKeys())) {
      String uk = texts.get(InterfaceLanguage.UK, key);
      if (uk.equals(en.getString(key)) && !key.startsWith("quote.") && !key.equals("button.volunteers")) {
        missing.add(key);
      }
    }
    assertEquals(List.of(), missing, "keys not translated");
  }
}
