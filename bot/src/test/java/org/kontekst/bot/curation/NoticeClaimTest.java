package org.kontekst.bot.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.store.KnowledgeStore;

/** Notices are claimed by one sender only, even with several bot instances on one database. */
class NoticeClaimTest {
  @TempDir Path data;

  @Test
  void should_give_each_notice_to_exactly_one_of_several_concurrent_claimers() throws Exception {
    int notices = 300;
    try (KnowledgeStore store = KnowledgeStore.open(data)) {
      // given
      try (Connection c = store.dataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tg_volunteer_post (created_at, text, interface_language, user_hash, notify_chat_id,"
                      + " notice_html, notice_status) VALUES (?, 'post', 'en', ?, ?, 'answered', 'PENDING')")) {
        for (int i = 0; i < notices; i++) {
          ps.setObject(1, OffsetDateTime.now());
          ps.setString(2, "h" + i);
          ps.setLong(3, 1000 + i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      // two instances' outboxes, two senders each
      List<NoticeOutbox> outboxes =
          List.of(new QueueRepository(store.dataSource()), new QueueRepository(store.dataSource()));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<List<Long>>> claims = new ArrayList<>();

      // when
      for (int t = 0; t < 4; t++) {
        NoticeOutbox outbox = outboxes.get(t % 2);
        claims.add(
            pool.submit(
                () -> {
                  List<Long> mine = new ArrayList<>();
                  List<Notice> batch;
                  while (!(batch = outbox.claim(7)).isEmpty()) {
                    batch.forEach(n -> mine.add(n.id()));
                  }
                  return mine;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : claims) {
        all.addAll(f.get());
      }
      pool.shutdown();

      // then
      Set<Long> distinct = new HashSet<>(all);
      assertEquals(all.size(), distinct.size(), "a notice was claimed twice");
      assertEquals(notices, distinct.size(), "every notice is claimed");
    }
  }
}
