package org.kontekst.knowledge.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Behaviour of the standard detector: names, inflection, abbreviations, evasion and spans. */
class WordingDetectorTest {
  private static final WordingDetector DETECTOR = Wording.standard();

  private static Flag only(List<Flag> flags) {
    assertEquals(1, flags.size(), () -> "expected one flag, got " + flags);
    return flags.get(0);
  }

  private static void assertSpan(String text, Flag flag) {
    assertEquals(text.substring(flag.start(), flag.end()), flag.text());
  }

  @Test
  void should_flag_volodymyr_putin_in_english_text() {
    // given
    String post = "Kremlin officials say Volodymyr Putin will travel to Pyongyang.";

    // when
    Flag flag = only(DETECTOR.detect(post, "en"));

    // then
    assertEquals("Volodymyr Putin", flag.text());
    assertEquals(FlagCategory.MISNAMING, flag.category());
    assertEquals("Vladimir Putin", flag.suggestion());
    assertTrue(flag.noteEn().contains("Ukrainian form"), flag.noteEn());
  }

  @Test
  void should_flag_a_surname_with_another_registered_persons_first_name() {
    // given: Dmytro is Kuleba's first name, not Zelenskyy's
    String post = "Yesterday Dmytro Zelenskyy met the foreign ministers in Brussels.";

    // when
    Flag flag = only(DETECTOR.detect(post, "en"));

    // then
    assertEquals("Dmytro Zelenskyy", flag.text());
    assertEquals(FlagCategory.MISNAMING, flag.category());
    assertEquals("Volodymyr Zelenskyy", flag.suggestion());
    assertSpan(post, flag);
  }

  @Test
  void should_not_flag_the_correct_names_of_two_registered_people() {
    assertTrue(DETECTOR.detect("Dmytro Kuleba and Volodymyr Zelenskyy spoke in Kyiv.", "en").isEmpty());
  }

  @Test
  void should_not_flag_volodymyr_putin_in_ukrainian_text() {
    // given
    String post = "Володимир Путін прилетів до Пхеньяна.";

    // when
    List<Flag> flags = DETECTOR.detect(post, "uk");

    // then
    assertEquals(List.of(), flags);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "uk|Владимир Зеленський провів нараду з військовими.|Володимир Зеленський",
    "uk|Сьогодні Владимира Зеленського привітали у Брюсселі.|Володимир Зеленський",
    "uk|Сергей Лавров знову погрожує Заходу.|Сергій Лавров",
    "uk|Зустріч Владимира Путіна з Кімом тривала дві години.|Володимир Путін",
    "ru|Володимир Путин прилетел в Пхеньян.|Владимир Путин",
    "ru|Переговоры Володимира Путина и Си Цзиньпина продолжились.|Владимир Путин",
    "ru|Олександр Лукашенко заявил о новых учениях.|Александр Лукашенко",
  })
  void should_flag_a_first_name_in_the_other_cyrillic_languages_form(String line) {
    // given
    String[] parts = line.split("\\|");
    String language = parts[0];
    String post = parts[1];

    // when
    Flag flag = only(DETECTOR.detect(post, language));

    // then
    assertEquals(FlagCategory.MISNAMING, flag.category());
    assertEquals(parts[2], flag.suggestion());
    assertSpan(post, flag);
    assertTrue(flag.text().split(" ").length == 2, flag.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "uk|Володимир Путін і Олександр Лукашенко зустрілися в Мінську.",
    "uk|Сергій Лавров та Дмитро Кулеба не зустрічалися.",
    "uk|Владислав Путін, однофамілець президента Росії, виграв вибори в селі.",
    "ru|Владимир Зеленский и Владимир Путин не встречались с 2019 года.",
    "ru|Володимир Зеленский, как пишут украинские СМИ, посетил Харьков.",
    "ru|Денис Шмыгаль встретился с Дмитрием Кулебой.",
    "ru|Виталий Кличко и Владимир Кличко приехали в Киев.",
    "uk|Віталій Кличко та Володимир Кличко приїхали до Києва.",
    "uk|Як заявив Сєргєй Лавров, а за ним і Владімір Путін, переговорів не буде.",
  })
  void should_not_flag_cyrillic_names_in_their_languages_form(String line) {
    // given
    String[] parts = line.split("\\|");

    // when
    List<Flag> flags = DETECTOR.detect(parts[1], parts[0]);

    // then
    assertEquals(List.of(), flags);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Vladimir Zelensky met the press in Kyiv.",
    "Vladimir Zelenskyy met the press in Kyiv.",
    "Volodimir Putin met the press in Moscow.",
    "Wolodymyr Putin met the press in Moscow.",
    "Kim Chen In met the press in Pyongyang.",
  })
  void should_flag_unseen_variants_of_registered_names(String post) {
    // when
    Flag flag = only(DETECTOR.detect(post, "en"));

    // then
    assertEquals(FlagCategory.MISNAMING, flag.category());
    assertTrue(post.startsWith(flag.text()), flag.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Vladimir Putin and Volodymyr Zelenskyy were both mentioned in the report.",
    "Kim Jong-il crossed Russia by train in 2001, long before Kim Jong Un took power.",
    "Kim Il-sung founded the state; Kim Yo-jong is the leader's sister.",
    "Wladimir Klitschko and Vitali Klitschko visited the front line.",
    "Alexander Lukashenko met Vladimir Putin in Minsk.",
  })
  void should_not_flag_correct_names_or_other_real_people(String post) {
    // when
    List<Flag> flags = DETECTOR.detect(post, "en");

    // then
    assertEquals(List.of(), flags);
  }

  @Test
  void should_flag_kiev_and_the_ukraine_in_english_only() {
    // given
    String english = "Aid to the Ukraine keeps flowing through Kiev.";

    // when
    List<Flag> flags = DETECTOR.detect(english, "en");

    // then
    assertEquals(List.of("the Ukraine", "Kiev"), flags.stream().map(Flag::text).toList());
    assertEquals(List.of(), DETECTOR.detect("В Киеве идёт снег.", "ru"));
    assertEquals(List.of(), DETECTOR.detect("Washington und Kiew schweigen dazu.", "de"));
    assertEquals(List.of(), DETECTOR.detect("Moscú y Kiev negocian un canje de prisioneros.", "es"));
  }

  @Test
  void should_not_flag_the_ukraine_used_as_a_modifier() {
    // when
    List<Flag> flags = DETECTOR.detect("Leaders discussed the Ukraine war and the Ukraine-Russia talks.", "en");

    // then
    assertEquals(List.of(), flags);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "киевский режим", "киевского режима", "киевскому режиму", "киевским режимом", "киевском режиме",
    "киевские режимы",
    "укронацисты", "укронацистов", "укронацистам", "укронацистами", "укронацистах", "укронацист",
    "укронациста", "укронацистский",
    "рашисти", "рашистів", "рашистам", "рашистами", "рашистах", "рашист", "рашиста", "рашистом",
    "рашисты", "рашистов",
    "орки", "орків", "оркам", "орками", "орках", "орк", "орка", "орку", "орком", "орков",
  })
  void should_find_every_case_form(String term) {
    // given
    String post = "Ось що пишуть: " + term + " знову брешуть.";

    // when
    Flag flag = only(DETECTOR.detect(post, "uk"));

    // then
    assertEquals(term, flag.text());
    assertEquals(FlagCategory.PEJORATIVE, flag.category());
  }

  @Test
  void should_tolerate_hyphen_and_space_variants_of_multi_word_terms() {
    // when
    List<Flag> hyphen = DETECTOR.detect("Moscow may help Kim Jong-in build missiles.", "en");
    List<Flag> space = DETECTOR.detect("Moscow may help Kim Jong In build missiles.", "en");
    List<Flag> spaced = DETECTOR.detect("They fight the Kiev   regime, he said.", "en");

    // then
    assertEquals("Kim Jong-in", only(hyphen).text());
    assertEquals("Kim Jong In", only(space).text());
    assertEquals("Kiev   regime", only(spaced).text());
  }

  @Test
  void should_match_abbreviations_as_whole_capital_words_only() {
    // when
    List<Flag> svo = DETECTOR.detect("Участники СВО получат выплаты.", "ru");
    List<Flag> own = DETECTOR.detect("Каждый получит свою долю, свои деньги и своё место.", "ru");
    List<Flag> lower = DETECTOR.detect("слово сво без заглавных", "ru");
    List<Flag> smo = DETECTOR.detect("He praised the SMO and smoked a cigar.", "en");

    // then
    assertEquals("СВО", only(svo).text());
    assertEquals(List.of(), own);
    assertEquals(List.of(), lower);
    assertEquals("SMO", only(smo).text());
  }

  @Test
  void should_not_find_terms_inside_other_words() {
    // when
    List<Flag> flags = DETECTOR.detect("Потушкуйте буряк із морквою, оркестр грає.", "uk");

    // then
    assertEquals(List.of(), flags);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "укрoнацисты",          // Latin o
    "укро\u200bнацисты",    // zero-width space
    "укро\u00adнацисты",    // soft hyphen
    "укроооонацисты",       // stretched letter
    "укро.нацисты",         // inserted punctuation
    "укро🐷нацисты",        // inserted emoji
    "у к р о н а ц и с т ы", // spaced-out letters
    "УкРоНаЦиСтЫ",          // mixed case
    "укро-нацисты",         // hyphen
  })
  void should_see_through_evasion(String term) {
    // given
    String post = "Опять эти " + term + " врут.";

    // when
    Flag flag = only(DETECTOR.detect(post, "ru"));

    // then
    assertEquals(term, flag.text());
    assertSpan(post, flag);
  }

  @Test
  void should_see_through_cyrillic_letters_in_latin_names() {
    // given: Cyrillic о and і in the first name
    String post = "Officials said V\u043elodymyr Putin will come.";

    // when
    Flag flag = only(DETECTOR.detect(post, "en"));

    // then
    assertEquals("V\u043elodymyr Putin", flag.text());
  }

  @Test
  void should_report_utf16_offsets_after_emoji_and_flags() {
    // given: a flag emoji counts 4 UTF-16 units, a simple emoji 2
    String post = "🇺🇦🔥 Рашисти обстріляли місто";

    // when
    Flag flag = only(DETECTOR.detect(post, "uk"));

    // then
    assertEquals(7, flag.start());
    assertEquals(14, flag.end());
    assertSpan(post, flag);
  }

  @Test
  void should_flag_khlopok_only_as_a_euphemism_for_an_explosion() {
    // when
    List<Flag> blast = DETECTOR.detect("Ночью на НПЗ произошёл хлопок, начался пожар.", "ru");
    List<Flag> cotton = DETECTOR.detect("Урожай хлопка в этом году вырос.", "ru");

    // then
    assertEquals(FlagCategory.EUPHEMISM, only(blast).category());
    assertEquals(List.of(), cotton);
  }

  @Test
  void should_not_flag_fantasy_orcs() {
    // when
    List<Flag> flags = DETECTOR.detect("У новому фентезі-фільмі орки воюють з ельфами.", "uk");

    // then
    assertEquals(List.of(), flags);
  }

  @Test
  void should_flag_loaded_words_whichever_side_uses_them() {
    // when
    List<Flag> russianSide = DETECTOR.detect("Хохлы опять обстреляли город.", "ru");
    List<Flag> ukrainianSide = DETECTOR.detect("Кацапи знову обстріляли місто.", "uk");

    // then
    assertEquals(FlagCategory.PEJORATIVE, only(russianSide).category());
    assertEquals(FlagCategory.PEJORATIVE, only(ukrainianSide).category());
  }

  @Test
  void should_give_notes_in_both_languages_and_a_suggestion() {
    // when
    Flag flag = only(DETECTOR.detect("Since the start of the special military operation, prices rose.", "en"));

    // then
    assertEquals(FlagCategory.EUPHEMISM, flag.category());
    assertTrue(!flag.noteEn().isEmpty() && !flag.noteUk().isEmpty());
    assertTrue(flag.suggestion().contains("invasion"), flag.suggestion());
  }

  @Test
  void should_ignore_words_inside_links_and_user_names() {
    // when
    List<Flag> flags = DETECTOR.detect("Підписуйтесь: https://t.me/orky_news і @rashisty_bot", "uk");

    // then
    assertEquals(List.of(), flags);
  }

  @Test
  void should_return_sorted_non_overlapping_flags() {
    // given
    String post = "Kremlin ruler Volodymyr Putin backs the SMO against the Kiev regime and its puppet.";

    // when
    List<Flag> flags = DETECTOR.detect(post, "en");

    // then
    assertEquals(List.of("Kremlin ruler", "Volodymyr Putin", "SMO", "Kiev regime", "puppet"),
        flags.stream().map(Flag::text).toList());
    for (int i = 1; i < flags.size(); i++) {
      assertTrue(flags.get(i - 1).end() <= flags.get(i).start());
    }
  }
}
