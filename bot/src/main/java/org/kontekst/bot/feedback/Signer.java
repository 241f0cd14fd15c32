package org.kontekst.bot.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with the installation secret: signs button data (so a forged button is refused) and
 * turns Telegram user ids into salted hashes for statistics.
 */
public final class Signer {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public Signer(byte[] secret) {
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("the secret must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /** A 16-character URL-safe signature of {@code payload}. */
  public String sign(String payload) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac(payload), 12));
  }

  /** Whether {@code signature} is the signature of {@code payload}, in constant time. */
  public boolean verify(String payload, String signature) {
    byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }

  /** The salted hash under which a user's statistics are kept: 32 hex characters. */
  public String userHash(long userId) {
    return HexFormat.of().formatHex(Arrays.copyOf(mac("user:" + userId), 16));
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
