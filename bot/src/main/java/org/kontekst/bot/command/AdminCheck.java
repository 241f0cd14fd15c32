package org.kontekst.bot.command;

/** Tells whether a person administers a group (the Telegram side asks getChatMember). */
@FunctionalInterface
public interface AdminCheck {
  boolean isAdmin(long chatId, long userId);
}
