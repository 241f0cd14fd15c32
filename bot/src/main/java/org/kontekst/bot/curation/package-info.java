/**
 * Curation from inside Telegram: the roles ({@link org.kontekst.bot.curation.Role}, admins from
 * {@code KONTEKST_ADMINS}, curators and moderators granted in the database), the actions on
 * articles and roles ({@link org.kontekst.bot.curation.Curation}), each in one transaction with its
 * audit entry ({@link org.kontekst.bot.curation.AuditLog}), the article drafts made from a web page
 * or a pasted text ({@link org.kontekst.bot.curation.Drafts}), the queue of posts that got no match
 * or were sent to volunteers (clustered by keyed MinHash fingerprints, so that no text is kept
 * without consent), the notify-back outbox, the source registry and the usage statistics. The
 * commands that use them live in {@code command}; fetching and extraction in {@code
 * knowledge/ingest}; sending in {@code telegram}.
 */
package org.kontekst.bot.curation;
