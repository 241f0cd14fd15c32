/**
 * What the bot does with a message: one class per command ({@code /start}, {@code /help},
 * {@code /about}, {@code /privacy}, {@code /lang}, {@code /check}, {@code /settings}; for curators,
 * behind a {@link org.kontekst.bot.command.RoleGate}: {@code /queue}, {@code /link}, {@code
 * /dismiss}) behind a {@link org.kontekst.bot.command.CommandRegistry}, the check of a post ({@link
 * org.kontekst.bot.command.PostCheck}) with the group policy, and the {@link
 * org.kontekst.bot.command.Router} that sends each message or button press to one of them. Works on
 * the transport-neutral values of {@code chat}; no Telegram library types here.
 */
package org.kontekst.bot.command;
