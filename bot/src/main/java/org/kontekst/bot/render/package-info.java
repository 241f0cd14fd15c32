/**
 * What the bot says, in words: a {@link org.kontekst.knowledge.check.Report} rendered as Telegram
 * HTML (split into messages of at most 4,096 characters) or as plain text for the CLI, the
 * interface texts in Ukrainian and English (resource bundles), and the media-literacy checks
 * offered when nothing matches; the {@link org.kontekst.bot.render.ReplyComposer} that the bot and
 * the CLI share, which opens a reply with a {@link org.kontekst.bot.render.ContextWriter}'s
 * paragraph when there is one (the language-model writer lives in {@code llm}). No sending and no
 * Telegram library types here.
 */
package org.kontekst.bot.render;
