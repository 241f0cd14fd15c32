package org.kontekst.bot.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.render.SourceLabel;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.TestDatabase;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class SourceRegistryTest {
  private static final String CSV =
      "name,handle,link,subscribers,snapshot_date,private\n"
          + "РИА Новости ☑️,rian_ru,https://t.me/s/rian_ru,2979380,19.03.2024,\n"
          + "\"Мир сегодня с \"\"Юрий Подоляка\"\"\",yurasumy,https://telegram.me/s/yurasumy,2813788,19.03.2024,\n"
          + "Only a link,,https://t.me/s/Only_Link,100,19.03.2024,\n"
          + "Broken,<script>,,1,19.03.2024,\n"
          + "Private,,,1,19.03.2024,1\n";

  private final KnowledgeStore store;
  private final SourceRegistry registry;

  SourceRegistryTest(TestDatabase database) {
    store = database.open();
    registry = new SourceRegistry(store.dataSource(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void should_import_the_channels_csv_shape_and_report_rows_without_a_username() throws Exception {
    SourceRegistry.Imported result =
        registry.importChannels(new StringReader(CSV), "listed by the CCD", "CCD list, March 2024", "test");

    assertEquals(3, result.stored());
    assertEquals(2, result.skipped());
    assertTrue(result.problems().get(0).startsWith("line 5: "), result.problems().toString());
    assertEquals(
        List.of("only_link", "rian_ru", "yurasumy"), registry.list(10).stream().map(ListedSource::handle).toList());
    assertEquals("Мир сегодня с \"Юрий Подоляка\"", registry.list(10).get(2).name());
  }

  @Test
  void should_label_the_forwarding_channel_and_linked_domains_including_subdomains() throws Exception {
    registry.importChannels(new StringReader(CSV), "listed by the CCD", "CCD list, March 2024", "test");
    registry.put(new ListedSource(ListedSource.Kind.DOMAIN, "www.RT.com", "", "state-controlled media", "EU sanctions list"), "test");

    List<SourceLabel> labels =
        registry.labelsFor("RIAN_RU", "Read https://news.rt.com/a?b=1 and t.me/yurasumy/123, not rt.community.org");

    assertEquals(
        List.of("@rian_ru", "@yurasumy", "rt.com"), labels.stream().map(SourceLabel::handle).toList());
    assertEquals("state-controlled media", labels.get(2).label());
    assertEquals(List.of(), registry.labelsFor("", "nothing listed: example.org, notrt.com, rt.com.evil.org"));
  }

  @Test
  void should_refuse_a_label_or_note_of_more_than_one_line() {
    for (String bad : List.of("line1\nline2", "a\tb", "a\u2028b")) {
      IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
          () -> new ListedSource(ListedSource.Kind.CHANNEL, "ok_chan", "", bad, ""));
      assertTrue(label.getMessage().contains("a label is one line"), label.getMessage());
      assertThrows(IllegalArgumentException.class, () -> new ListedSource(ListedSource.Kind.CHANNEL, "ok_chan", "", "l", bad));
    }
  }

  @Test
  void should_refuse_handles_that_are_not_usernames_or_domains() {
    for (String bad : List.of("", "a b", "<b>x</b>", "ab", "javascript:alert(1)")) {
      assertThrows(IllegalArgumentException.class, () -> new ListedSource(ListedSource.Kind.CHANNEL, bad, "", "l", ""), bad);
    }
    for (String bad : List.of("", "localhost", "http://x.com/", "a..com", "x.com/<script>")) {
      assertThrows(IllegalArgumentException.class, () -> new ListedSource(ListedSource.Kind.DOMAIN, bad, "", "l", ""), bad);
    }
    assertEquals("xn--e1afmkfd.xn--p1ai", new ListedSource(ListedSource.Kind.DOMAIN, "пример.рф", "", "l", "").handle());
  }
}
