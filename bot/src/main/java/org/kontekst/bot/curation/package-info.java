/**
 * Curation from inside Telegram: the roles ({@link org.kontekst.bot.curation.Role}, admins from
 * {@code KONTEKST_ADMINS}, curators and moderators granted in the database), the actions on
 * articles and roles ({@link org.kontekst.bot.curation.Curation}), each in one transaction with its
 * audit entry ({@link org.kontekst.bot.curation.AuditLog}), and the article drafts made from a web
 * page or a pasted text ({@link org.kontekst.bot.curation.Drafts}). The commands that use them live
 * in {@code command}; fetching and extraction live in {@code knowledge/ingest}.
 */
package org.kontekst.bot.curation;
