package org.kontekst.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTest {
  private static final Lemmatizer LEMMATIZER = new Lemmatizer();
  private static final TextAnalysis ANALYSIS =
      new TextAnalysis(LEMMATIZER, AliasTable.load(LEMMATIZER, List.of()));

  private static List<String> lemmas(String word, Lemmatizer.Mode mode) {
    return LEMMATIZER.lemmas(Tokenizer.tokenize(word).get(0), mode);
  }

  @Test
  void should_lemmatize_inflected_ukrainian_words() {
    assertTrue(lemmas("Путіна", Lemmatizer.Mode.UKRAINIAN).contains("путін"));
    assertTrue(lemmas("снарядів", Lemmatizer.Mode.UKRAINIAN).contains("снаряд"));
    assertTrue(lemmas("Києва", Lemmatizer.Mode.UKRAINIAN).contains("київ"));
  }

  @Test
  void should_stem_inflected_russian_words_to_one_stem() {
    assertEquals(lemmas("Путина", Lemmatizer.Mode.RUSSIAN), lemmas("Путиным", Lemmatizer.Mode.RUSSIAN));
    assertEquals(lemmas("снарядов", Lemmatizer.Mode.RUSSIAN), lemmas("снаряды", Lemmatizer.Mode.RUSSIAN));
  }

  @Test
  void should_fold_yo_and_apostrophe_variants() {
    assertEquals(
        lemmas("партнёрство", Lemmatizer.Mode.RUSSIAN), lemmas("партнерство", Lemmatizer.Mode.RUSSIAN));
    assertEquals(
        Tokenizer.tokenize("Ф’юрі").get(0).surface(), Tokenizer.tokenize("Ф'юрі").get(0).surface());
    assertEquals(
        Tokenizer.tokenize("Фʼюрі").get(0).surface(), Tokenizer.tokenize("Ф'юрі").get(0).surface());
  }

  @Test
  void should_drop_lucenes_ukrainian_stopwords_but_not_content_words() {
    for (String stop : List.of("також", "який", "та", "Він")) {
      assertTrue(LEMMATIZER.isStopword(Tokenizer.tokenize(stop).get(0), Lemmatizer.Mode.UKRAINIAN), stop);
    }
    assertFalse(LEMMATIZER.isStopword(Tokenizer.tokenize("договір").get(0), Lemmatizer.Mode.UKRAINIAN));
    assertFalse(LEMMATIZER.isStopword(Tokenizer.tokenize("Кім").get(0), Lemmatizer.Mode.UKRAINIAN));
  }

  @Test
  void should_keep_kim_which_lucene_lists_as_a_ukrainian_stopword() {
    Analyzed analyzed = ANALYSIS.analyze("Кім Чен Ин прибув до Владивостока", "uk");
    assertTrue(analyzed.features().contains("e:kim_jong_un"), analyzed.features().toString());
  }

  @Test
  void should_find_the_same_concepts_in_ukrainian_russian_and_english() {
    Analyzed uk = ANALYSIS.analyze("Путін летить до Пхеньяна, щоб обійти санкції", "uk");
    Analyzed ru = ANALYSIS.analyze("Путин летит в Пхеньян, чтобы обойти санкции", "ru");
    Analyzed en = ANALYSIS.analyze("Putin flies to Pyongyang to get around sanctions", "en");
    for (String concept : List.of("e:putin", "e:pyongyang", "c:sanctions")) {
      assertTrue(uk.features().contains(concept), "uk lacks " + concept + ": " + uk.features());
      assertTrue(ru.features().contains(concept), "ru lacks " + concept + ": " + ru.features());
      assertTrue(en.features().contains(concept), "en lacks " + concept + ": " + en.features());
    }
  }

  @Test
  void should_find_concepts_even_when_uk_and_ru_are_confused() {
    Analyzed ruReadAsUk = ANALYSIS.analyze("Путин летит в Пхеньян", "uk");
    assertTrue(ruReadAsUk.features().contains("e:putin"), ruReadAsUk.features().toString());
  }

  @Test
  void should_read_quantities_the_same_in_every_language() {
    Analyzed en = ANALYSIS.analyze("about 4.8 million shells and 10,000 containers", "en");
    Analyzed uk = ANALYSIS.analyze("до 4,8 млн снарядів і 10 000 контейнерів", "uk");
    Analyzed ru = ANALYSIS.analyze("до 4,8 миллиона снарядов и 10 тысяч контейнеров", "ru");
    for (Analyzed a : List.of(en, uk, ru)) {
      assertTrue(a.features().contains("n:4800000"), a.features().toString());
      assertTrue(a.features().contains("n:10000"), a.features().toString());
    }
  }

  @Test
  void should_give_a_name_the_same_skeleton_across_scripts_and_cases() {
    String latin = NameKeys.of(Tokenizer.tokenize("Stoltenberg").get(0));
    assertEquals(latin, NameKeys.of(Tokenizer.tokenize("Столтенберг").get(0)));
    assertEquals(latin, NameKeys.of(Tokenizer.tokenize("Столтенбергом").get(0)));
    assertEquals(
        NameKeys.of(Tokenizer.tokenize("Blinken").get(0)), NameKeys.of(Tokenizer.tokenize("Блінкена").get(0)));
  }

  @Test
  void should_not_make_skeletons_of_short_names() {
    assertEquals("", NameKeys.of(Tokenizer.tokenize("Ivo").get(0)));
  }

  @Test
  void should_gloss_a_ukrainian_post_in_english_words() {
    Analyzed uk = ANALYSIS.analyze("Путін летить до Пхеньяна", "uk");
    assertTrue(uk.gloss().contains("Putin"), uk.gloss());
    assertTrue(uk.gloss().contains("Pyongyang"), uk.gloss());
    assertTrue(uk.cyrillic());
  }

  @Test
  void should_not_read_a_concept_inside_another_word() {
    Analyzed analyzed = ANALYSIS.analyze("Ukrainian cooks like borscht with carrots", "en");
    assertFalse(analyzed.features().contains("e:putin"));
  }

  @Test
  void should_match_a_curator_alias_from_an_extra_source() {
    AliasTable table =
        AliasTable.load(
            LEMMATIZER,
            List.of(AliasTable.Source.text("curator", "zorya_test\tterm\tZorya Vostoka\tЗоря Сходу\tЗаря Востока\t\n")));
    TextAnalysis analysis = new TextAnalysis(LEMMATIZER, table);
    assertTrue(analysis.analyze("про Зорю Сходу", "uk").features().contains("c:zorya_test"));
  }
}
