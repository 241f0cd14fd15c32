package org.kontekst.knowledge.ingest;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;

/**
 * Which network addresses the {@link PageFetcher} may connect to. Production uses {@link
 * #publicOnly()}; tests that serve pages on loopback pass one that also allows their own address.
 */
@FunctionalInterface
public interface AddressPolicy {

  /** Whether a connection to {@code address} is allowed. */
  boolean allows(InetAddress address);

  /**
   * Only public unicast addresses: no loopback, private (RFC 1918, unique local), link-local,
   * carrier-grade NAT, multicast, broadcast, unspecified ("any"), documentation or benchmark
   * ranges, IPv4 and IPv6 alike. IPv6 addresses that embed an IPv4 one (mapped, compatible, 6to4,
   * NAT64) are judged by the IPv4 address inside.
   */
  static AddressPolicy publicOnly() {
    return PublicAddresses::isPublic;
  }

  /** This policy, and also exactly the given addresses (for tests on loopback). */
  default AddressPolicy alsoAllowing(Set<InetAddress> allowed) {
    Set<InetAddress> copy = Set.copyOf(Objects.requireNonNull(allowed, "allowed"));
    return address -> copy.contains(address) || allows(address);
  }
}
