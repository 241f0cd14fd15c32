package org.kontekst.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
  private final AddressPolicy policy = AddressPolicy.publicOnly();

  private boolean allows(String literal) throws Exception {
    return policy.allows(InetAddress.getByName(literal));
  }

  @Test
  void should_refuse_loopback_private_link_local_and_special_ipv4() throws Exception {
    for (String a : new String[] {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255",
        "192.0.2.1", "198.18.0.1"}) {
      assertFalse(allows(a), a);
    }
  }

  @Test
  void should_refuse_ipv6_loopback_unique_local_link_local_and_mapped_private() throws Exception {
    for (String a : new String[] {"::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "2002:7f00:1::1", "64:ff9b::a9fe:a9fe",
        "2001:db8::1"}) {
      assertFalse(allows(a), a);
    }
  }

  @Test
  void should_allow_public_addresses() throws Exception {
    for (String a : new String[] {"8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "2002:0808:0808::1"}) {
      assertTrue(allows(a), a);
    }
  }

  @Test
  void should_allow_exactly_the_extra_addresses_given_for_tests() throws Exception {
    AddressPolicy test = policy.alsoAllowing(Set.of(InetAddress.getByName("127.0.0.1")));

    assertTrue(test.allows(InetAddress.getByName("127.0.0.1")));
    assertFalse(test.allows(InetAddress.getByName("127.0.0.2")));
    assertFalse(test.allows(InetAddress.getByName("10.0.0.1")));
  }
}
