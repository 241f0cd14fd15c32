/**
 * What the bot does with a message: one class per command ({@code /start}, {@code /help},
 * {@code /about}, {@code /privacy}, {@code /lang}, {@code /check}, {@code /settings}, and the
 * curation commands, each behind a {@link org.kontekst.bot.command.RoleGate}: {@code /add}, {@code
 * /edit}, {@code /show}, {@code /approve}, {@code /reject}, {@code /retire}, {@code /audit}, {@code
 * /grant}, {@code /revoke}, {@code /queue}, {@code /link}, {@code /dismiss}, {@code /term}, {@code
 * /alias}, {@code /stats}) behind a {@link org.kontekst.bot.command.CommandRegistry}, the check of a
 * post ({@link org.kontekst.bot.command.PostCheck}) with the group policy, and the {@link
 * org.kontekst.bot.command.Router} that sends each message or button press to one of them. Works on
 * the transport-neutral values of {@code chat}; no Telegram library types here.
 */
package org.kontekst.bot.command;
