package org.kontekst.bot.feedback;

import java.util.Objects;
import org.kontekst.bot.chat.InterfaceLanguage;

/**
 * A post a person chose to send to volunteers.
 *
 * @param notifyChatId the chat to tell about the answer, or {@code null} without consent
 */
public record VolunteerPost(
    long replyId,
    String text,
    String forwardedFrom,
    InterfaceLanguage language,
    String userHash,
    Long notifyChatId) {

  public VolunteerPost {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a volunteer post needs text");
    }
    forwardedFrom = forwardedFrom == null ? "" : forwardedFrom;
    if (forwardedFrom.length() > 500) {
      forwardedFrom = forwardedFrom.substring(0, 500);
    }
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(userHash, "userHash");
  }
}
