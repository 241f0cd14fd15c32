package org.kontekst.bot.chat;

import java.util.Objects;

/**
 * One chat's settings.
 *
 * @param language the chat's interface language, or {@code null} to follow each person's
 *     Telegram language
 */
public record ChatSettings(GroupMode mode, InterfaceLanguage language) {

  public static final ChatSettings DEFAULT = new ChatSettings(GroupMode.QUIET, null);

  public ChatSettings {
    Objects.requireNonNull(mode, "mode");
  }

  /** The interface language for a person with the given Telegram language code. */
  public InterfaceLanguage languageFor(String languageCode) {
    return language != null ? language : InterfaceLanguage.fromTelegram(languageCode);
  }

  public ChatSettings withMode(GroupMode newMode) {
    return new ChatSettings(newMode, language);
  }

  public ChatSettings withLanguage(InterfaceLanguage newLanguage) {
    return new ChatSettings(mode, newLanguage);
  }
}
