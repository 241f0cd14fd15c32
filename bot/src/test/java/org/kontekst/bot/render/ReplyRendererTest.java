package org.kontekst.bot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;
import org.kontekst.knowledge.wording.FlagCategory;

class ReplyRendererTest {
  private final ReplyRenderer renderer =
      new ReplyRenderer(new Texts(), Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));

  private static Report report(String text, List<Match> matches, List<Flag> flags) {
    return new Report(new Post("1", text, "", "Chan"), "en", matches, flags);
  }

  @Test
  void should_render_the_same_reply_as_plain_text_for_the_cli() {
    Match match = new Match("a", "Title & more", "Outlet", "https://e.org/x", LocalDate.of(2024, 3, 5), 0.8, "Passage <1>.");
    Flag flag = new Flag("Kyiv regime", 0, 11, FlagCategory.MISNAMING, "Kremlin framing.", "Кремлівська рамка.", "the government");

    String plain = renderer.plainText(report("Kyiv regime did it", List.of(match), List.of(flag)), "en");

    assertTrue(plain.startsWith("↪ Forwarded from Chan"), plain);
    assertTrue(plain.contains("1. Title & more <https://e.org/x>"), plain);
    assertTrue(plain.contains("Outlet · 5 Mar 2024"), plain);
    assertTrue(plain.contains("> Passage <1>."), plain);
    assertTrue(plain.contains("• “Kyiv regime” — a misnaming: a name that is wrong or carries propaganda. Kremlin framing. Neutral wording: the government."), plain);
    assertFalse(plain.contains("&amp;"), plain);
  }

  @Test
  void should_give_flag_notes_in_the_interface_language() {
    Flag flag = new Flag("Kyiv regime", 0, 11, FlagCategory.MISNAMING, "Kremlin framing.", "Кремлівська рамка.", "");

    String uk = renderer.plainText(report("Kyiv regime", List.of(), List.of(flag)), "uk");

    assertTrue(uk.contains("«Kyiv regime» — хибна назва: неправильна або пропагандистська. Кремлівська рамка."), uk);
  }

  @Test
  void should_offer_two_or_three_checks_that_fit_the_post() {
    String sourced = renderer.plainText(report("According to the ministry, it happened in 2019.", List.of(), List.of()), "en");
    String bare = renderer.plainText(report("Just a rumour", List.of(), List.of()), "en");

    assertTrue(sourced.contains("It mentions 2019."), sourced);
    assertFalse(sourced.contains("No source is named"), sourced);
    assertEquals(2, bare.lines().filter(l -> l.startsWith("• ")).count(), bare);
    assertTrue(bare.contains("No source is named"), bare);
  }

  @Test
  void should_not_link_a_url_that_is_not_http() {
    Match match = new Match("a", "Title", "", "javascript:alert(1)", null, 0.8, "");

    List<String> html = renderer.html(report("x", List.of(match), List.of()), InterfaceLanguage.EN, ReplyRenderer.Detail.FULL);

    assertFalse(html.get(0).contains("javascript"), html.get(0));
    assertTrue(html.get(0).contains("1. <b>Title</b>"), html.get(0));
  }
}
