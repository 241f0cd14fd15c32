package org.kontekst.bot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kontekst.bot.telegram.FakeChecker;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;

/** The end-to-end benchmark measures what it says: every measured post costs a check. */
class TelegramBenchmarkTest {

  /** Caches answers by text, as the real checker does, and counts the checks it really runs. */
  private static final class CachingChecker implements Checker {
    private final Checker inner = new FakeChecker();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger checkedSinceForgetting = new AtomicInteger(-1);

    @Override
    public Report check(Post post, int maxMatches, double minScore) {
      if (answered.add(post.text()) && checkedSinceForgetting.get() >= 0) checkedSinceForgetting.incrementAndGet();
      return inner.check(post, maxMatches, minScore);
    }

    void forget() {
      answered.clear();
      checkedSinceForgetting.set(0);
    }
  }

  @Test
  void everyMeasuredPostIsCheckedAfterTheWarmUpsAnswersAreForgotten() throws Exception {
    int posts = 40;
    List<String> texts = IntStream.range(0, posts).mapToObj(i -> "A distinct forwarded post number " + i).toList();
    CachingChecker checker = new CachingChecker();
    TelegramBenchmark.Result result = TelegramBenchmark.run(checker, 0.5, posts, 0, texts, checker::forget);
    assertEquals(posts, result.posts());
    assertTrue(result.warmUpPosts() >= posts / 2, "warmed up with " + result.warmUpPosts());
    // The warm-up offered texts the measured run offers again; forgotten, each is checked anew.
    assertEquals(posts, checker.checkedSinceForgetting.get());
  }
}
