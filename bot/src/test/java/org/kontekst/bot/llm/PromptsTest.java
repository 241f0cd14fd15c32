package org.kontekst.bot.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.bot.chat.InterfaceLanguage;

class PromptsTest {

  @Test
  void should_load_every_template_and_give_every_variable_a_value() {
    Prompts prompts = Prompts.bundled();

    for (Prompts.Purpose purpose : Prompts.Purpose.values()) {
      for (InterfaceLanguage language : InterfaceLanguage.values()) {
        PromptTemplate template = prompts.template(purpose, language);
        Map<String, String> values = GroundedContextWriter.variables(Sources.report(), language);

        assertEquals(values.keySet(), template.variables(), template.name() + " uses exactly the variables the code fills");
        PromptTemplate.Prompt prompt = template.fill(values);
        assertFalse(prompt.system().contains("{{") || prompt.user().contains("{{"), template.name());
        assertTrue(prompt.user().contains("<post>\n") && prompt.user().contains("\n</post>"), template.name());
      }
    }
  }

  @Test
  void should_list_every_variable_of_every_template_in_the_readme() throws Exception {
    Path readme = Path.of("..", "prompts", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);

    for (PromptTemplate template : Prompts.bundled().all()) {
      String file = Path.of(template.name()).getFileName().toString();
      assertTrue(text.contains("`" + file + "`"), "README lists " + file);
      for (String variable : template.variables()) {
        assertTrue(text.contains("`{{" + variable + "}}`"), "README lists {{" + variable + "}} of " + file);
      }
    }
  }

  @Test
  void should_take_a_template_from_the_override_folder_when_it_has_one(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("context.en.txt"), "[system]\nBe brief.\n[user]\n{{sources}}\n<post>\n{{post}}\n</post>\n");

    Prompts prompts = Prompts.load(dir);

    assertEquals("Be brief.", prompts.template(Prompts.Purpose.CONTEXT, InterfaceLanguage.EN).system());
    assertTrue(prompts.template(Prompts.Purpose.CONTEXT, InterfaceLanguage.UK).system().contains("українською"));
  }

  @Test
  void should_name_the_file_of_a_broken_template(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("context.uk.txt"), "Just text, no parts.");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prompts.load(dir));

    assertTrue(e.getMessage().contains("context.uk.txt") && e.getMessage().contains("[system]"), e.getMessage());
  }

  @Test
  void should_refuse_an_override_folder_that_does_not_exist(@TempDir Path dir) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Prompts.load(dir.resolve("missing")));

    assertTrue(e.getMessage().contains("KONTEKST_PROMPTS"), e.getMessage());
  }

  @Test
  void should_fill_values_as_they_are_and_name_a_missing_one() {
    PromptTemplate template = PromptTemplate.parse("t", "[system]\nS {{a}}\n[user]\nU {{b}} {{a}}");

    assertEquals("U {{a}} $1 x", template.fill(Map.of("a", "x", "b", "{{a}} $1")).user());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> template.fill(Map.of("a", "x")));
    assertTrue(e.getMessage().contains("{{b}}"), e.getMessage());
  }
}
