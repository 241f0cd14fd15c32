package org.kontekst.bot.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontekst.bot.chat.ChatSettings;
import org.kontekst.bot.chat.GroupMode;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.feedback.Signer;

/**
 * One button of the /settings keyboard: a group mode or an interface language. Its callback data
 * is signed together with the chat, like the feedback buttons', so that a button cannot be forged
 * or carried into another chat: {@code set:<code>:<signature>}, well under Telegram's 64 bytes.
 * Whether the person who presses it may change settings is checked on every press.
 */
enum SettingsChoice {
  QUIET("mq"),
  VERBOSE("mv"),
  OFF("mo"),
  ENGLISH("le"),
  UKRAINIAN("lu"),
  /** Each person's Telegram language. */
  AUTO_LANGUAGE("la");

  /** Every settings button's data starts with this. */
  static final String PREFIX = "set:";

  private static final Pattern FORMAT = Pattern.compile("set:([a-z]{2}):([A-Za-z0-9_-]{16})");

  private final String code;

  SettingsChoice(String code) {
    this.code = code;
  }

  /** The settings after this choice. */
  ChatSettings applyTo(ChatSettings current) {
    return switch (this) {
      case QUIET -> current.withMode(GroupMode.QUIET);
      case VERBOSE -> current.withMode(GroupMode.VERBOSE);
      case OFF -> current.withMode(GroupMode.OFF);
      case ENGLISH -> current.withLanguage(InterfaceLanguage.EN);
      case UKRAINIAN -> current.withLanguage(InterfaceLanguage.UK);
      case AUTO_LANGUAGE -> current.withLanguage(null);
    };
  }

  /** Whether this choice is what {@code current} already says. */
  boolean isChosenIn(ChatSettings current) {
    return applyTo(current).equals(current);
  }

  String encode(Signer signer, long chatId) {
    String payload = PREFIX + code;
    return payload + ":" + signer.sign(payload + "@" + chatId);
  }

  /** Decodes and verifies data from a button pressed in {@code chatId}; empty if forged or malformed. */
  static Optional<SettingsChoice> decode(String data, long chatId, Signer signer) {
    Matcher m = FORMAT.matcher(data == null ? "" : data);
    if (!m.matches()) {
      return Optional.empty();
    }
    for (SettingsChoice choice : values()) {
      if (choice.code.equals(m.group(1))) {
        return signer.verify(PREFIX + choice.code + "@" + chatId, m.group(2)) ? Optional.of(choice) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
