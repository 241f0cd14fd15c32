/**
 * The entry point: configuration, the composition root ({@code Main}) and the command-line
 * subcommands. Domain logic lives in the knowledge module; Telegram code in {@code telegram}.
 */
package org.kontekst.bot.app;
