package org.kontekst.bot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.curation.Role;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.knowledge.store.TestDatabase;

/** Every curation command against every role: allowed exactly from its role up, refused before it touches anything. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class CurationRoleMatrixTest {
  @Parameter TestDatabase database;

  private CurationFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new CurationFixture(database).withRoles();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  /** Each command with valid arguments, and the weakest role that may use it. */
  private Map<String, Role> commands() {
    Map<String, Role> c = new LinkedHashMap<>();
    c.put("/add " + f.url("/news/putin-kim-treaty-signed"), Role.CURATOR);
    c.put("/edit draft-1 title A better title", Role.CURATOR);
    c.put("/show draft-1", Role.CURATOR);
    c.put("/approve draft-1", Role.MODERATOR);
    c.put("/reject draft-1 not a fact-check", Role.MODERATOR);
    c.put("/retire draft-1", Role.MODERATOR);
    c.put("/audit", Role.MODERATOR);
    c.put("/grant 4242 curator", Role.ADMIN);
    c.put("/revoke 4242 curator", Role.ADMIN);
    c.put("/queue", Role.CURATOR);
    c.put("/link 99 draft-1", Role.CURATOR);
    c.put("/dismiss 99", Role.CURATOR);
    c.put("/term list", Role.CURATOR);
    c.put("/alias list", Role.CURATOR);
    c.put("/stats", Role.MODERATOR);
    c.put("/source list", Role.CURATOR);
    c.put("/source add domain example.org | a test label | a test note", Role.MODERATOR);
    return c;
  }

  @Test
  void should_allow_each_command_from_its_role_up_and_refuse_it_below_without_any_change() {
    Map<Long, Role> people = new LinkedHashMap<>();
    people.put(CurationFixture.NOBODY, null);
    people.put(CurationFixture.CURATOR, Role.CURATOR);
    people.put(CurationFixture.MODERATOR, Role.MODERATOR);
    people.put(CurationFixture.ADMIN, Role.ADMIN);
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Role> command : commands().entrySet()) {
      for (Map.Entry<Long, Role> person : people.entrySet()) {
        int auditBefore = f.auditCount();
        int articlesBefore = f.store.articles().all().size();
        String reply = f.say(person.getKey(), command.getKey());
        boolean allowed = person.getValue() != null && person.getValue().atLeast(command.getValue());
        boolean refused = reply.startsWith("Only a " + command.getValue().label() + " or above");
        if (allowed == refused) {
          wrong.add(command.getKey() + " by " + person.getValue() + ": " + reply);
        }
        if (refused && (f.auditCount() != auditBefore || f.store.articles().all().size() != articlesBefore)) {
          wrong.add(command.getKey() + " by " + person.getValue() + " changed something although refused");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void should_refuse_every_curation_command_in_a_group_even_to_an_admin() {
    for (String command : commands().keySet()) {
      String reply = f.say(CurationFixture.ADMIN, command, null, ChatKind.GROUP);

      assertEquals("Curation commands work only in a private chat with me.", reply, command);
    }
    assertEquals(2, f.auditCount()); // the two grants of the fixture
  }

  @Test
  void should_answer_bad_arguments_with_the_usage_line() {
    Map<String, String> usage = new LinkedHashMap<>();
    usage.put("/add", "Usage: /add URL");
    usage.put("/add two words", "Usage: /add URL");
    usage.put("/edit x title", "Usage: /edit ID FIELD VALUE");
    usage.put("/show", "Usage: /show ID");
    usage.put("/approve", "Usage: /approve ID");
    usage.put("/reject x", "Usage: /reject ID REASON");
    usage.put("/retire a b", "Usage: /retire ID");
    usage.put("/audit 0", "Usage: /audit [N]");
    usage.put("/audit lots", "Usage: /audit [N]");
    usage.put("/grant 12 admin", "Usage: /grant USER_ID");
    usage.put("/grant abc curator", "Usage: /grant USER_ID");
    usage.put("/revoke 12", "Usage: /revoke USER_ID");
    for (Map.Entry<String, String> u : usage.entrySet()) {
      String reply = f.say(CurationFixture.ADMIN, u.getKey());

      assertTrue(reply.startsWith(u.getValue()), u.getKey() + " -> " + reply);
    }
  }

  @Test
  void should_take_a_revoked_role_away_at_once() {
    assertFalse(f.say(CurationFixture.CURATOR, "/show nothing-here").startsWith("Only a"));

    assertEquals("User 200 is no longer a curator.", f.say(CurationFixture.ADMIN, "/revoke 200 curator"));

    assertTrue(f.say(CurationFixture.CURATOR, "/show nothing-here").startsWith("Only a curator or above"));
  }

  @Test
  void should_keep_the_public_command_menu_unchanged() {
    List<String> offered = f.conversation.commands().all().stream()
        .filter(c -> !c.offeredIn().isEmpty()).map(Command::name).toList();

    assertEquals(List.of("start", "help", "about", "privacy", "lang", "check", "settings"), offered);
  }
}
