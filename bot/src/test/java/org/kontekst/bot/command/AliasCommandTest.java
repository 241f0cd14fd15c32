package org.kontekst.bot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.ChatSettings;
import org.kontekst.bot.chat.Content;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.curation.AliasCuration;
import org.kontekst.bot.curation.Roles;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.search.AliasEntry;
import org.kontekst.knowledge.search.CuratedAliases;
import org.kontekst.knowledge.store.KnowledgeStore;

/** /alias add, list and remove with a table in memory: replies, listing and audit records. */
class AliasCommandTest {
  private static final long ADMIN = 1;

  private final KnowledgeStore store = KnowledgeStore.open("jdbc:h2:mem:alias-command;DB_CLOSE_DELAY=-1");
  private final List<CuratedAliases.Stored> table = new ArrayList<>();
  private final List<String> audited = new ArrayList<>();
  private final AliasCommand command = new AliasCommand(
      new Texts(), new RoleGate(new Roles(store.dataSource(), Set.of(ADMIN)), new Texts()), new InMemory(), (user, action, detail) -> audited.add(user + " " + action + " " + detail));
  private int messageId;

  @AfterEach
  void close() {
    store.close();
  }

  /** An alias table that keeps its lines in {@link #table}. */
  private final class InMemory implements AliasCuration {
    @Override
    public long add(AliasEntry entry, String curator) {
      long id = table.size() + 1;
      table.add(new CuratedAliases.Stored(id, entry, curator, Instant.EPOCH));
      return id;
    }

    @Override
    public boolean remove(long id) {
      return table.removeIf(s -> s.id() == id);
    }

    @Override
    public List<CuratedAliases.Stored> list() {
      return List.copyOf(table);
    }
  }

  private List<Action> send(String args) {
    Incoming in = new Incoming(ADMIN, ChatKind.PRIVATE, ADMIN, "en", new Content(++messageId, "/alias " + args, null, false), null, false);
    return command.handle(new CommandContext(in, args, ChatSettings.DEFAULT, InterfaceLanguage.EN));
  }

  private static Action.SendText only(List<Action> actions) {
    assertEquals(1, actions.size(), actions.toString());
    return (Action.SendText) actions.get(0);
  }

  @Test
  void should_add_list_and_remove_an_alias_and_audit_each_write() {
    // when
    Action.SendText added = only(send("add kyiv place\nen: Kyiv | Kiev\nuk: Київ\nru: Киев"));
    Action.SendText listed = only(send("list"));
    Action.SendText removed = only(send("remove #1"));
    Action.SendText again = only(send("remove 1"));

    // then
    assertEquals("Added alias #1 for kyiv. It is used from the next post.", added.html());
    assertEquals(Integer.valueOf(1), added.replyTo());
    assertEquals("<b>#1</b> kyiv (place): Kyiv | Kiev | Київ | Киев", listed.html());
    assertNull(listed.replyTo(), "a list is sent as messages of its own, not in reply");
    assertEquals("Removed alias #1.", removed.html());
    assertEquals("There is no curated alias #1. Send /alias list.", again.html());
    assertEquals(List.of("1 alias.add id=1 kyiv place", "1 alias.remove id=1"), audited);
  }

  @Test
  void should_escape_what_the_curator_typed_when_an_alias_is_refused() {
    // when
    String refused = only(send("add <b>Bad</b> place\nen: x")).html();

    // then
    assertTrue(refused.startsWith("That alias was not added: a concept id is 1-80 of a-z, 0-9, _: &lt;b&gt;Bad&lt;/b&gt;"), refused);
    assertTrue(table.isEmpty());
    assertTrue(audited.isEmpty());
  }

  @Test
  void should_list_only_the_last_hundred_aliases_in_several_messages() {
    // given
    for (int i = 0; i < 130; i++) {
      send("add concept" + i + " term\nen: form" + i + " | " + "long ".repeat(40));
    }

    // when
    List<Action> listed = send("list");

    // then
    StringBuilder all = new StringBuilder();
    for (Action a : listed) {
      all.append(((Action.SendText) a).html());
    }
    assertTrue(listed.size() > 1, "100 long lines do not fit one Telegram message");
    assertTrue(all.indexOf("<b>#30</b> ") < 0, all.toString());
    assertTrue(all.toString().startsWith("<b>#31</b> concept30 (term)"), all.toString());
    assertTrue(all.indexOf("<b>#130</b> concept129 (term)") > 0);
  }
}
