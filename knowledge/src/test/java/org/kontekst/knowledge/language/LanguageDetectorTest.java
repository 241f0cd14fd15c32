package org.kontekst.knowledge.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
  private final LanguageDetector detector = LanguageDetector.standard();

  @Test
  void should_detect_russian_post_that_quotes_an_english_outlet() {
    // given a Russian post whose Latin words are only a quoted name
    String post = "Как пишет The New York Times, Ким приедет во Владивосток уже в сентябре.";

    // then
    assertEquals("ru", detector.detect(post));
  }

  @Test
  void should_detect_english_post_that_quotes_one_russian_word() {
    assertEquals("en", detector.detect("Moscow still calls the war a «спецоперация» in its statements."));
  }

  @Test
  void should_ignore_emoji_hashtags_urls_and_mentions() {
    String post = "⚡️🇺🇦 Росія знову атакувала енергетику https://t.me/some_channel/123 @news_bot #Ukraine #StandWithUkraine";

    assertEquals("uk", detector.detect(post));
  }

  @Test
  void should_tell_ukrainian_without_distinctive_letters_by_words_and_endings() {
    assertEquals("uk", detector.detect("Генерал придбав будинок, а ми мовчали"));
    assertEquals("uk", detector.detect("Злочинця затримали вчора."));
  }

  @Test
  void should_tell_russian_without_distinctive_letters_by_words_and_endings() {
    assertEquals("ru", detector.detect("Он сказал, что переговоров не будет до осени."));
    assertEquals("ru", detector.detect("Пропаганда работает на полную."));
  }

  @Test
  void should_not_be_fooled_by_soft_hyphen_or_zero_width_space_inside_words() {
    assertEquals("ru", detector.detect("Началась спец\u00adоперация, заявил он, и все\u200bгда так."));
  }

  @Test
  void should_not_take_english_news_words_for_dutch_or_german() {
    // "met" is a Dutch function word, "war" a German one; both are everyday English news words
    assertEquals("en", detector.detect("Volodymyr Putin met Kim Jong Un in Pyongyang"));
    assertEquals("en", detector.detect("Putin war crimes in Bucha"));
    assertEquals("nl", detector.detect("Poetin had een ontmoeting met Kim in Pjongjang en dat is niet nieuw."));
    assertEquals("de", detector.detect("Der Krieg war nicht vorbei, sagte er am Montag."));
  }

  @Test
  void should_detect_other_latin_languages_by_their_function_words() {
    assertEquals("de", detector.detect("Der Kreml hat die Vorwürfe zurückgewiesen, und das ist nicht neu."));
    assertEquals("es", detector.detect("El Kremlin niega que sus tropas estén en la zona, según la agencia."));
    assertEquals("fr", detector.detect("Le Kremlin dément les informations publiées par la presse."));
    assertEquals("pl", detector.detect("Rosja nie przyznaje się do ataku, który zniszczył most."));
  }

  @Test
  void should_return_und_when_there_is_no_language_to_tell() {
    assertEquals("und", detector.detect(""));
    assertEquals("und", detector.detect("🔥🔥🔥 123 456 !!!"));
    assertEquals("und", detector.detect("https://example.org/x #NATO @someone"));
    assertEquals("und", detector.detect("Rolls-Royce"));
  }

  @Test
  void should_detect_languages_written_in_other_scripts() {
    assertEquals("el", detector.detect("Η Ρωσία επιτέθηκε ξανά"));
    assertEquals("ka", detector.detect("საქართველო"));
    assertEquals("be", detector.detect("Улады паведамілі пра ўдар па горадзе"));
  }

  @Test
  void should_reject_null_text_with_a_message() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> detector.detect(null));
    assertEquals("text", e.getMessage());
  }
}
