package org.kontekst.bot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;

class ReplyComposerTest {
  private final ReplyRenderer renderer =
      new ReplyRenderer(new Texts(), Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
  private final Match match =
      new Match("a", "Title", "Outlet", "https://e.org/x", LocalDate.of(2024, 3, 5), 0.8, "Passage.");
  private final Report matched = new Report(new Post("1", "post", "", ""), "en", List.of(match), List.of());

  @Test
  void should_open_the_reply_with_the_escaped_paragraph_and_say_who_wrote_it() {
    AtomicInteger waits = new AtomicInteger();
    ContextWriter writer =
        (report, language, waiting) -> {
          waiting.run();
          return Optional.of("Passage says A < B & more [1].");
        };

    String html = new ReplyComposer(renderer, writer).html(matched, InterfaceLanguage.UK, ReplyRenderer.Detail.FULL, waits::incrementAndGet, java.util.List.of()).get(0);

    assertTrue(html.startsWith("Passage says A &lt; B &amp; more [1].\n<i>Написала мовна модель"), html);
    assertTrue(html.indexOf("[1]") < html.indexOf("Що кажуть перевірені статті"), html);
    assertEquals(1, waits.get());
  }

  @Test
  void should_give_the_template_reply_without_a_paragraph() {
    ReplyComposer composer = new ReplyComposer(renderer, ContextWriter.NONE);

    assertEquals(renderer.plainText(matched, "en"), composer.plainText(matched, "en"));
    assertEquals(
        renderer.html(matched, InterfaceLanguage.EN, ReplyRenderer.Detail.CONCISE),
        composer.html(matched, InterfaceLanguage.EN, ReplyRenderer.Detail.CONCISE, () -> {}, java.util.List.of()));
  }

  @Test
  void should_not_show_a_paragraph_when_nothing_matched() {
    Report nothing = new Report(Post.of("post"), "en", List.of(), List.of());
    ContextWriter writer = (report, language, waiting) -> Optional.of("Something [1].");

    assertEquals(renderer.plainText(nothing, "en"), new ReplyComposer(renderer, writer).plainText(nothing, "en"));
  }
}
