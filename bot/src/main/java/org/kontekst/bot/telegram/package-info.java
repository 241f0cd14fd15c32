/**
 * Telegram at the edges: updates in by long polling with TelegramBots 9.5 or by webhook (the JDK
 * HTTP server, a durable inbox and outbox in the database shared by every instance, leases and
 * takeover), the {@code UpdateHandler} that turns an update into a reply in both modes, the bounded
 * executors that process updates, the send queue that paces and retries Bot API calls (messages
 * out), per-user flood control, metrics, and command registration. Updates become {@code chat}
 * values here and actions become Bot API methods here; nothing else in the bot sees Telegram
 * library types.
 */
package org.kontekst.bot.telegram;
