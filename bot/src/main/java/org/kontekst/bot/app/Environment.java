package org.kontekst.bot.app;

import java.util.Map;
import org.kontekst.bot.curation.RetentionPolicy;

/**
 * The environment variables Kontekst reads, read once in {@code Main} and passed down. Values are
 * raw; each command validates what it uses and says what is wrong.
 *
 * @param telegramToken {@code TELEGRAM_BOT_TOKEN}, required by {@code bot}
 * @param telegramApiUrl {@code TELEGRAM_API_URL}, optional: a Bot API server other than the public one
 * @param metricsPort {@code KONTEKST_METRICS_PORT}, optional: serve /metrics on this port
 * @param embedding the embedding model ({@code KONTEKST_EMBEDDING} and companions)
 * @param admins {@code KONTEKST_ADMINS}, optional: Telegram user ids of curation admins, comma-separated
 * @param llm the language model for replies ({@code KONTEKST_LLM_PROVIDER} and companions)
 * @param volunteerTextDays {@code KONTEKST_VOLUNTEER_TEXT_DAYS}, optional: days the text of an
 *     answered or dismissed volunteer post is kept
 * @param volunteerMaxDays {@code KONTEKST_VOLUNTEER_MAX_DAYS}, optional: days any volunteer post is kept
 * @param webhook webhook mode ({@code KONTEKST_WEBHOOK_SECRET} and companions)
 */
record Environment(
    String telegramToken,
    String telegramApiUrl,
    String metricsPort,
    EmbeddingSettings embedding,
    String admins,
    LlmSettings llm,
    String volunteerTextDays,
    String volunteerMaxDays,
    WebhookSettings webhook) {

  /** The most days a retention variable accepts (ten years). */
  private static final int MAX_RETENTION_DAYS = 3_650;

  Environment {
    telegramToken = blankToNull(telegramToken);
    telegramApiUrl = blankToNull(telegramApiUrl);
    metricsPort = blankToNull(metricsPort);
    embedding = embedding == null ? EmbeddingSettings.DEFAULT : embedding;
    admins = blankToNull(admins);
    llm = llm == null ? LlmSettings.NONE : llm;
    volunteerTextDays = blankToNull(volunteerTextDays);
    volunteerMaxDays = blankToNull(volunteerMaxDays);
    webhook = webhook == null ? WebhookSettings.NONE : webhook;
  }

  static Environment from(Map<String, String> env) {
    return new Environment(
        env.get("TELEGRAM_BOT_TOKEN"),
        env.get("TELEGRAM_API_URL"),
        env.get("KONTEKST_METRICS_PORT"),
        EmbeddingSettings.from(env),
        env.get("KONTEKST_ADMINS"),
        LlmSettings.from(env),
        env.get("KONTEKST_VOLUNTEER_TEXT_DAYS"),
        env.get("KONTEKST_VOLUNTEER_MAX_DAYS"),
        WebhookSettings.from(env));
  }

  /**
   * The retention of volunteer posts: {@link RetentionPolicy#DEFAULT}'s days where a variable is
   * unset.
   *
   * @throws IllegalArgumentException naming the variable, when a value is not a whole number of days
   *     from 1 to 3650, or keeps answered texts longer than any post
   */
  RetentionPolicy retention() {
    int text = days("KONTEKST_VOLUNTEER_TEXT_DAYS", volunteerTextDays, RetentionPolicy.DEFAULT.answeredTextDays());
    int max = days("KONTEKST_VOLUNTEER_MAX_DAYS", volunteerMaxDays, RetentionPolicy.DEFAULT.maxAgeDays());
    if (text > max) {
      throw new IllegalArgumentException(
          "KONTEKST_VOLUNTEER_TEXT_DAYS (" + text + ") must not exceed KONTEKST_VOLUNTEER_MAX_DAYS (" + max + ")");
    }
    return RetentionPolicy.ofDays(text, max);
  }

  private static int days(String name, String value, long fallback) {
    if (value == null) {
      return (int) fallback;
    }
    if (value.matches("[0-9]{1,4}")) {
      int days = Integer.parseInt(value);
      if (days >= 1 && days <= MAX_RETENTION_DAYS) {
        return days;
      }
    }
    String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
    throw new IllegalArgumentException(name + " must be a number of days from 1 to " + MAX_RETENTION_DAYS + ": " + shown);
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "Environment[token=" + (telegramToken == null ? "unset" : "set") + ", apiUrl=" + telegramApiUrl
        + ", metricsPort=" + metricsPort + ", embedding=" + embedding + ", admins=" + admins + ", llm=" + llm
        + ", volunteerTextDays=" + volunteerTextDays + ", volunteerMaxDays=" + volunteerMaxDays + ", webhook=" + webhook + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
