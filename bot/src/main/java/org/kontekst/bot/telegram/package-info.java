/**
 * Telegram at the edges: long polling with TelegramBots 9.5 (updates in), the bounded executor
 * that processes them and persists the last processed update id, the send queue that paces and
 * retries Bot API calls (messages out), per-user flood control, metrics, and command registration.
 * Updates become {@code chat} values here and actions become Bot API methods here; nothing else
 * in the bot sees Telegram library types.
 */
package org.kontekst.bot.telegram;
