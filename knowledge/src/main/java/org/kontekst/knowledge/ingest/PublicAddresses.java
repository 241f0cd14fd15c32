package org.kontekst.knowledge.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** The rules of {@link AddressPolicy#publicOnly()}. */
final class PublicAddresses {
  private PublicAddresses() {}

  static boolean isPublic(InetAddress address) {
    if (address instanceof Inet4Address v4) {
      return isPublicV4(v4.getAddress());
    }
    if (address instanceof Inet6Address v6) {
      return isPublicV6(v6.getAddress());
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return !(a0 == 0 // "this network", 0.0.0.0
        || a0 == 10 // private
        || a0 == 127 // loopback
        || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT
        || (a0 == 169 && a1 == 254) // link-local, cloud metadata
        || (a0 == 172 && a1 >= 16 && a1 <= 31) // private
        || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
        || (a0 == 192 && a1 == 0 && a2 == 2) // documentation
        || (a0 == 192 && a1 == 88 && a2 == 99) // 6to4 relay
        || (a0 == 192 && a1 == 168) // private
        || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
        || (a0 == 198 && a1 == 51 && a2 == 100) // documentation
        || (a0 == 203 && a1 == 0 && a2 == 113) // documentation
        || a0 >= 224); // multicast, reserved, broadcast
  }

  private static boolean isPublicV6(byte[] b) {
    boolean zeroFirst10 = true;
    for (int i = 0; i < 10; i++) {
      zeroFirst10 &= b[i] == 0;
    }
    if (zeroFirst10 && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
      return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // IPv4-mapped
    }
    if (zeroFirst10 && b[10] == 0 && b[11] == 0) {
      return false; // unspecified, loopback, IPv4-compatible (deprecated): never needed
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0xff) {
      return false; // multicast
    }
    if ((first & 0xfe) == 0xfc) {
      return false; // unique local fc00::/7
    }
    if (first == 0xfe && (second & 0xc0) == 0x80) {
      return false; // link-local fe80::/10
    }
    if (first == 0xfe && (second & 0xc0) == 0xc0) {
      return false; // site-local fec0::/10 (deprecated)
    }
    if (first == 0x20 && second == 0x02) {
      return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002::/16
    }
    if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // NAT64 64:ff9b::/96
    }
    if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
      return false; // documentation 2001:db8::/32
    }
    if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
      return false; // Teredo 2001::/32: tunnels to addresses we cannot check
    }
    return (first & 0xe0) == 0x20; // global unicast 2000::/3
  }
}
