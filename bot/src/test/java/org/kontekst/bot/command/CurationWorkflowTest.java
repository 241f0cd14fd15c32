package org.kontekst.bot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.curation.AuditEntry;
import org.kontekst.bot.curation.AuditLog;
import org.kontekst.knowledge.article.ArticleStatus;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.knowledge.store.TestDatabase;

/** From a curator's addition to publication, edits, rejection and retirement, each audited and indexed at once. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class CurationWorkflowTest {
  @Parameter TestDatabase database;

  private CurationFixture f;
  private String id;

  @BeforeEach
  void start() throws Exception {
    f = new CurationFixture(database).withRoles();
    f.say(CurationFixture.CURATOR, "/add " + f.url("/news/putin-kim-treaty-signed"));
    id = "putin-kim-treaty-signed";
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void should_index_a_pending_article_only_once_a_moderator_approves_it() {
    assertEquals(ArticleStatus.PENDING, f.indexed.get(f.indexed.size() - 1).status());

    assertEquals("Published <code>" + id + "</code>. It matches posts from now on.", f.say(CurationFixture.MODERATOR, "/approve " + id));

    assertEquals(ArticleStatus.PUBLISHED, f.indexed.get(f.indexed.size() - 1).status());
    assertEquals(id, f.indexed.get(f.indexed.size() - 1).id());
    assertTrue(f.say(CurationFixture.MODERATOR, "/approve " + id).startsWith("Article " + id + " is published, so this cannot be done"));
  }

  @Test
  void should_let_a_curator_edit_pending_articles_but_not_published_ones() {
    assertEquals("Changed the title of <code>" + id + "</code>.", f.say(CurationFixture.CURATOR, "/edit " + id + " title Putin and Kim: the pact"));
    assertEquals("Putin and Kim: the pact", f.store.articles().find(id).orElseThrow().title());

    f.say(CurationFixture.MODERATOR, "/approve " + id);

    assertTrue(f.say(CurationFixture.CURATOR, "/edit " + id + " title Vandalised").startsWith("Curators edit pending articles only"));
    assertEquals("Changed the tags of <code>" + id + "</code>.", f.say(CurationFixture.MODERATOR, "/edit " + id + " tags North Korea, Russia"));
    assertEquals(List.of("North Korea", "Russia"), f.store.articles().find(id).orElseThrow().tags());
    assertEquals(List.of("North Korea", "Russia"), f.indexed.get(f.indexed.size() - 1).tags());
  }

  @Test
  void should_explain_bad_edits() {
    assertTrue(f.say(CurationFixture.CURATOR, "/edit " + id + " colour red").startsWith("There is no field colour. Fields: title, outlet"));
    assertTrue(f.say(CurationFixture.CURATOR, "/edit " + id + " published 19.06.2024").startsWith("That is not a valid published: a date is written yyyy-mm-dd"));
    assertTrue(f.say(CurationFixture.CURATOR, "/edit " + id + " url javascript:alert(1)").startsWith("That is not a valid url"));
    assertTrue(f.say(CurationFixture.CURATOR, "/edit missing title x").startsWith("There is no article missing."));
  }

  @Test
  void should_audit_who_did_what_with_before_and_after() {
    f.say(CurationFixture.CURATOR, "/edit " + id + " outlet Example News International");
    f.say(CurationFixture.MODERATOR, "/reject " + id + " not a fact-check, just news");

    List<AuditEntry> recent = new AuditLog(f.store.dataSource()).recent(3);

    AuditEntry reject = recent.get(0);
    assertEquals("reject", reject.action());
    assertEquals(CurationFixture.MODERATOR, reject.actor());
    assertEquals("not a fact-check, just news", reject.note());
    assertTrue(reject.before().contains("\"status\":\"PENDING\""), reject.before());
    assertTrue(reject.after().contains("\"status\":\"RETIRED\""), reject.after());
    AuditEntry edit = recent.get(1);
    assertEquals("edit", edit.action());
    assertEquals(CurationFixture.CURATOR, edit.actor());
    assertTrue(edit.before().contains("\"outlet\":\"Example News\""), edit.before());
    assertTrue(edit.after().contains("\"outlet\":\"Example News International\""), edit.after());
    assertEquals("add", recent.get(2).action());

    String audit = f.say(CurationFixture.MODERATOR, "/audit 3");
    assertTrue(audit.startsWith("<b>Recent curation actions</b>"), audit);
    assertTrue(audit.contains(" UTC · 300 · reject (not a fact-check, just news) · <code>" + id + "</code>"), audit);
  }

  @Test
  void should_retire_a_published_article_out_of_the_index() {
    f.say(CurationFixture.MODERATOR, "/approve " + id);

    assertEquals("Retired <code>" + id + "</code>. It no longer matches posts.", f.say(CurationFixture.MODERATOR, "/retire " + id));

    assertEquals(ArticleStatus.RETIRED, f.indexed.get(f.indexed.size() - 1).status());
    String shown = f.say(CurationFixture.CURATOR, "/show " + id);
    assertTrue(shown.contains("Status: retired. Language: en. Published: 2024-06-19."), shown);
  }

  @Test
  void should_answer_curation_in_ukrainian_too() {
    String reply = f.conversation.router().onMessage(new org.kontekst.bot.chat.Incoming(
        CurationFixture.NOBODY, org.kontekst.bot.chat.ChatKind.PRIVATE, CurationFixture.NOBODY, "uk",
        new org.kontekst.bot.chat.Content(99, "/approve " + id, null, false), null, false)).toString();

    assertTrue(reply.contains("лише роль «модератор» або вища"), reply);
  }
}
