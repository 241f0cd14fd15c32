package org.kontekst.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.kontekst.knowledge.store.KnowledgeStore;
import org.kontekst.knowledge.store.TestDatabase;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
class BotStateTest {
  @Parameter TestDatabase database;

  @Test
  void should_keep_the_last_update_id_monotonic_and_forget_it_on_request() {
    try (KnowledgeStore store = database.open()) {
      BotState state = new BotState(store.dataSource());
      assertTrue(state.lastUpdateAt().isEmpty());
      assertEquals(32, state.secret().length);

      state.saveLastUpdateId(10);
      state.saveLastUpdateId(7);

      assertEquals(10, state.lastUpdateId());
      assertTrue(state.lastUpdateAt().isPresent());
      state.forgetLastUpdateId();
      assertEquals(0, state.lastUpdateId());
      state.saveLastUpdateId(3);
      assertEquals(3, state.lastUpdateId());
    }
  }
}
