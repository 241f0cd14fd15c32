package org.kontekst.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.bench.FakeBotApi;
import org.kontekst.bot.bench.Updates;
import org.kontekst.knowledge.wording.Wording;

class LexiconCommandsTest {
  private static final long CURATOR = 900;
  private BotHarness harness;
  private int messageId = 10;

  @AfterEach
  void stop() {
    harness.close();
  }

  private String command(long user, String text) throws Exception {
    int before = harness.api.calls("sendMessage").size();
    int id = harness.api.nextUpdateId();
    harness.send(Updates.privateMessage(++messageId, user).from(user, "en").text(text).update(id));
    harness.awaitProcessed(id);
    List<FakeBotApi.Call> calls = harness.awaitMessages(before + 1);
    return calls.get(calls.size() - 1).text();
  }

  @Test
  void should_add_list_and_remove_a_term_that_flags_at_once() throws Exception {
    harness = new BotHarness().admins(CURATOR).start();

    String added = command(CURATOR, "/term add en pejorative\nforms: banderite~\nnote_en: A Kremlin slur.\nnote_uk: Кремлівська лайка.\nsuggestion: Ukrainian");

    assertTrue(added.startsWith("Added term #"), added);
    var lexicon = Wording.withStore(harness.store.dataSource());
    assertEquals(1, lexicon.list().size());
    assertEquals(1, lexicon.detect("The banderites are coming", "en").size());
    assertTrue(command(CURATOR, "/term list").contains("en · pejorative · banderite~ → Ukrainian"));
    long id = lexicon.list().get(0).id();
    assertEquals("Removed term #" + id + ".", command(CURATOR, "/term remove " + id));
    assertTrue(command(CURATOR, "/term remove " + id).startsWith("There is no curated term"));
  }

  @Test
  void should_refuse_people_without_the_role_and_explain_bad_arguments() throws Exception {
    harness = new BotHarness().admins(CURATOR).start();

    assertEquals("Only a curator or above may use this command. If you should have the role, ask an admin.", command(1, "/term add en pejorative\nforms: x\nnote_en: a\nnote_uk: b"));
    assertEquals("Only a curator or above may use this command. If you should have the role, ask an admin.", command(1, "/alias list"));
    assertTrue(command(CURATOR, "/term").startsWith("Send /term list"));
    assertTrue(command(CURATOR, "/term add en pejorative\nforms: x").startsWith("That entry was not added: an entry needs a note"));
    assertTrue(command(CURATOR, "/term add xx pejorative\nforms: x\nnote_en: a\nnote_uk: b").startsWith("That entry was not added"));
    assertTrue(command(CURATOR, "/term add en pejorative\nbogus: <b>").startsWith("Send /term list"));
    assertTrue(command(CURATOR, "/alias add Bad place\nen: x").startsWith("That alias was not added"));
    assertTrue(command(CURATOR, "/alias remove x").startsWith("Send /alias list"));
    assertEquals(0, Wording.withStore(harness.store.dataSource()).list().size());
  }
}
