/**
 * A fake Telegram Bot API server on loopback ({@link org.kontekst.bot.bench.FakeBotApi}) and the
 * end-to-end benchmark that drives the real bot through it ({@link
 * org.kontekst.bot.bench.TelegramBenchmark}). They live in main code, not in tests, because the
 * {@code bench} command runs the benchmark; the bot's tests use the same fake server.
 */
package org.kontekst.bot.bench;
