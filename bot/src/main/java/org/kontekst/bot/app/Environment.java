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
 * @param admins {@code KONTEKST_ADMINS}, optional: Telegram user ids of curation admins, comma-separated
 * @param llm the language model for replies ({@code KONTEKST_LLM_PROVIDER} and companions)
 * @param webhook webhook mode ({@code KONTEKST_WEBHOOK_SECRET} and companions)
 */
record Environment(
    String telegramToken,
    String telegramApiUrl,
    String metricsPort,
    EmbeddingSettings embedding,
    String admins,
    LlmSettings llm,
    WebhookSettings webhook) {

  Environment {
    telegramToken = blankToNull(telegramToken);
    telegramApiUrl = blankToNull(telegramApiUrl);
    metricsPort = blankToNull(metricsPort);
    embedding = embedding == null ? EmbeddingSettings.DEFAULT : embedding;
    admins = blankToNull(admins);
    llm = llm == null ? LlmSettings.NONE : llm;
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
        WebhookSettings.from(env));
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "Environment[token=" + (telegramToken == null ? "unset" : "set") + ", apiUrl=" + telegramApiUrl
        + ", metricsPort=" + metricsPort + ", embedding=" + embedding + ", admins=" + admins + ", llm=" + llm
        + ", webhook=" + webhook + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
