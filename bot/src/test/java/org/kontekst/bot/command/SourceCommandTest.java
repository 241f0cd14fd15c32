package org.kontekst.bot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The source registry from inside the bot: moderators change it, curators read it, labels are escaped. */
class SourceCommandTest {
  private CurationFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new CurationFixture().withRoles();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void should_add_list_and_remove_a_listed_channel_with_an_audit_entry() {
    int audit = f.auditCount();

    String added = f.say(CurationFixture.MODERATOR,
        "/source add channel @Some_Channel | state-controlled <media> | listed by a registry, March 2024");
    String listed = f.say(CurationFixture.CURATOR, "/source list");
    String removed = f.say(CurationFixture.MODERATOR, "/source remove channel some_channel");

    assertEquals("Listed: some_channel. Replies now mention it.", added);
    assertTrue(listed.contains("@some_channel — state-controlled &lt;media&gt;"), listed);
    assertTrue(listed.contains("listed by a registry, March 2024"), listed);
    assertEquals("Removed from the registry: some_channel.", removed);
    assertEquals(audit + 2, f.auditCount());
    assertEquals("The source registry is empty.", f.say(CurationFixture.CURATOR, "/source list"));
  }

  @Test
  void should_give_the_usage_line_or_a_reason_for_bad_arguments() {
    assertTrue(f.say(CurationFixture.MODERATOR, "/source").startsWith("Usage: /source list"));
    assertTrue(f.say(CurationFixture.MODERATOR, "/source add channel x").startsWith("Usage: /source list"));
    assertTrue(f.say(CurationFixture.MODERATOR, "/source add planet mars | label").startsWith("Usage: /source list"));
    assertTrue(f.say(CurationFixture.MODERATOR, "/source add domain not_a_domain | label")
        .startsWith("That is not a channel or domain I can list"));
    assertEquals("nobody is not in the registry.", f.say(CurationFixture.MODERATOR, "/source remove channel nobody"));
  }
}
