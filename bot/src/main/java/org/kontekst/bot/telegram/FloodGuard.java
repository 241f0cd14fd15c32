package org.kontekst.bot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * A per-person limit on messages: {@code limit} per fixed window that starts with the first one.
 * Past the limit the person gets one polite notice, then silence until the window ends.
 */
final class FloodGuard {
  enum Verdict {
    ALLOW,
    /** Over the limit for the first time in this window: tell them once. */
    NOTICE,
    DROP
  }

  private record Window(int count) {}

  private final int limit;
  private final Cache<Long, Window> windows;

  FloodGuard(int limit, Duration window, Ticker ticker) {
    this.limit = limit;
    long windowNanos = window.toNanos();
    this.windows =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .ticker(ticker)
            .expireAfter(
                new Expiry<Long, Window>() {
                  @Override
                  public long expireAfterCreate(Long key, Window value, long currentTime) {
                    return windowNanos;
                  }

                  @Override
                  public long expireAfterUpdate(Long key, Window value, long currentTime, long currentDuration) {
                    return currentDuration;
                  }

                  @Override
                  public long expireAfterRead(Long key, Window value, long currentTime, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
  }

  Verdict admit(long userId) {
    Window w = windows.asMap().merge(userId, new Window(1), (old, one) -> new Window(old.count() + 1));
    if (w.count() <= limit) {
      return Verdict.ALLOW;
    }
    return w.count() == limit + 1 ? Verdict.NOTICE : Verdict.DROP;
  }
}
