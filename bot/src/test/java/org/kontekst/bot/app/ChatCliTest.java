package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.command.CheckObserver;
import org.kontekst.bot.command.CheckSettings;
import org.kontekst.bot.command.Conversation;
import org.kontekst.bot.command.KnowledgeSummary;
import org.kontekst.bot.telegram.FakeChecker;
import org.kontekst.knowledge.store.KnowledgeStore;

class ChatCliTest {

  @Test
  void should_print_exactly_what_the_bot_would_send_and_let_buttons_be_pressed() throws Exception {
    try (KnowledgeStore store = KnowledgeStore.open("jdbc:h2:mem:chatcli;DB_CLOSE_DELAY=-1")) {
      Conversation conversation =
          Conversation.assemble(
              new Conversation.Parts(
                  new FakeChecker(), CheckSettings.forThreshold(0.5), store.dataSource(),
                  () -> new KnowledgeSummary(0, List.of(), Optional.empty()), (c, u) -> true,
                  "kontekst_bot", CheckObserver.NONE, Clock.systemUTC(), Ticker.systemTicker()));
      StringWriter out = new StringWriter();
      String input = "fwd Channel <X>: Bucha lies\n!1\n!3\n!1\n/nonsense\n!999\n";

      new ChatCli(Environment.from(java.util.Map.of())).run(conversation.router(), new BufferedReader(new StringReader(input)), new PrintWriter(out));

      String printed = out.toString();
      assertTrue(printed.contains("<a href=\"https://example.org/bucha?a=1&amp;b=2\">What happened in Bucha</a>"), printed);
      assertTrue(printed.contains("Forwarded from <i>Channel &lt;X&gt;</i>"), printed);
      assertTrue(printed.contains("[1: 👍 Helpful] [2: 👎 Not relevant]"), printed);
      assertTrue(printed.contains("--- notice: Thank you! Your answer is recorded."), printed);
      assertTrue(printed.contains("May I tell you here"), printed);
      assertTrue(printed.contains("Sent to volunteers. I'll tell you here"), printed);
      assertTrue(printed.contains("I don't know the command /nonsense"), printed);
      assertTrue(printed.contains("(no button 999)"), printed);
      assertTrue(conversation.feedback().pending().get(0).text().equals("Bucha lies"), printed);
    }
  }
}
