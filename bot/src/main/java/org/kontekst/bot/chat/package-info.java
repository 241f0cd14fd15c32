/**
 * The conversation in transport-neutral values: who wrote what in which kind of chat
 * ({@link org.kontekst.bot.chat.Incoming}, {@link org.kontekst.bot.chat.CallbackIn}), what the bot
 * does in return ({@link org.kontekst.bot.chat.Action}), and per-chat settings with their H2
 * repository. No Telegram library types and no rendering here: the {@code telegram} package maps
 * updates to these values and actions to Bot API methods; the local console prints them.
 */
package org.kontekst.bot.chat;
