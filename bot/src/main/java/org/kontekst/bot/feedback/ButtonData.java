package org.kontekst.bot.feedback;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data behind a feedback button: an action on one reply, signed together with the chat so that
 * a button cannot be forged or replayed in another chat. Encoded as {@code f<action>:<reply id in
 * base 36>:<signature>}, well under Telegram's 64 bytes.
 */
public record ButtonData(FeedbackAction action, long replyId) {
  /** Every feedback button's data starts with this. */
  public static final String PREFIX = "f";

  private static final Pattern FORMAT = Pattern.compile("f([a-z]):([0-9a-z]{1,13}):([A-Za-z0-9_-]{16})");

  public ButtonData {
    Objects.requireNonNull(action, "action");
    if (replyId <= 0) {
      throw new IllegalArgumentException("reply id must be positive: " + replyId);
    }
  }

  public String encode(Signer signer, long chatId) {
    String payload = payload(action, replyId);
    return payload + ":" + signer.sign(payload + "@" + chatId);
  }

  /** Decodes and verifies data from a button pressed in {@code chatId}; empty if forged or malformed. */
  public static Optional<ButtonData> decode(String data, long chatId, Signer signer) {
    Matcher m = FORMAT.matcher(data == null ? "" : data);
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<FeedbackAction> action = FeedbackAction.ofCode(m.group(1).charAt(0));
    long replyId;
    try {
      replyId = Long.parseLong(m.group(2), 36);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (action.isEmpty() || replyId <= 0) {
      return Optional.empty();
    }
    String payload = payload(action.get(), replyId);
    if (!signer.verify(payload + "@" + chatId, m.group(3))) {
      return Optional.empty();
    }
    return Optional.of(new ButtonData(action.get(), replyId));
  }

  private static String payload(FeedbackAction action, long replyId) {
    return PREFIX + action.code() + ":" + Long.toString(replyId, 36);
  }
}
