package org.kontekst.knowledge.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on fetching one page: connect and read timeouts, a deadline for the whole fetch (so a
 * server that trickles bytes cannot hold a thread), the largest body and the number of redirects.
 */
public record FetchLimits(
    Duration connectTimeout, Duration readTimeout, Duration total, long maxBytes, int maxRedirects) {

  /** 5 s to connect, 10 s per read, 20 s in all, 2 MB, 5 redirects. */
  public static final FetchLimits DEFAULT =
      new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), 2L << 20, 5);

  public FetchLimits {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    requirePositive(total, "total");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
    }
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
