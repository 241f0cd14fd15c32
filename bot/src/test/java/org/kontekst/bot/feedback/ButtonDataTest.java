package org.kontekst.bot.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ButtonDataTest {
  private final Signer signer = new Signer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  @Test
  void should_round_trip_within_telegram_s_64_bytes() {
    ButtonData data = new ButtonData(FeedbackAction.SEND_AND_NOTIFY, Long.MAX_VALUE);

    String encoded = data.encode(signer, -1_001_234_567_890L);

    assertTrue(encoded.getBytes(StandardCharsets.UTF_8).length <= 64, encoded);
    assertEquals(Optional.of(data), ButtonData.decode(encoded, -1_001_234_567_890L, signer));
  }

  @Test
  void should_refuse_data_signed_by_another_secret() {
    Signer other = new Signer("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    String encoded = new ButtonData(FeedbackAction.HELPFUL, 5).encode(other, 1);

    assertEquals(Optional.empty(), ButtonData.decode(encoded, 1, signer));
  }

  @Test
  void should_salt_user_hashes() {
    Signer other = new Signer("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    assertEquals(32, signer.userHash(42).length());
    assertTrue(!signer.userHash(42).equals(other.userHash(42)));
  }
}
