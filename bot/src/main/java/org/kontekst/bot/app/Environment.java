package org.kontekst.bot.app;

import java.util.Map;

/**
 * The environment variables Kontekst reads, read once in {@code Main} and passed down. Values are
 * raw; each command validates what it uses and says what is wrong.
 *
 * @param telegramToken {@code TELEGRAM_BOT_TOKEN}, required by {@code bot}
 * @param telegramApiUrl {@code TELEGRAM_API_URL}, optional: a Bot API server other than the public one
 * @param metricsPort {@code KONTEKST_METRICS_PORT}, optional: serve /metrics on this port
 * @param embedding the embedding model ({@code KONTEKST_EMBEDDING} and companions)
 * @param admins {@code KONTEKST_ADMINS}, optional: Telegram user ids that hold every curation role
 *     (a placeholder until roles are stored; see {@code curation.Roles})
 */
record Environment(
    String telegramToken,
    String telegramApiUrl,
    String metricsPort,
    EmbeddingSettings embedding,
    String admins) {

  Environment {
    telegramToken = blankToNull(telegramToken);
    telegramApiUrl = blankToNull(telegramApiUrl);
    metricsPort = blankToNull(metricsPort);
    embedding = embedding == null ? EmbeddingSettings.DEFAULT : embedding;
    admins = blankToNull(admins);
  }

  static Environment from(Map<String, String> env) {
    return new Environment(
        env.get("TELEGRAM_BOT_TOKEN"),
        env.get("TELEGRAM_API_URL"),
        env.get("KONTEKST_METRICS_PORT"),
        EmbeddingSettings.from(env),
        env.get("KONTEKST_ADMINS"));
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "Environment[token=" + (telegramToken == null ? "unset" : "set") + ", apiUrl=" + telegramApiUrl
        + ", metricsPort=" + metricsPort + ", embedding=" + embedding + ", admins=" + admins + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
