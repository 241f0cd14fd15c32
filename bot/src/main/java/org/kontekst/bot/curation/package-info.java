/**
 * Curation behind the bot's curator commands: the queue of posts that got no match or were sent to
 * volunteers (clustered by keyed MinHash fingerprints, so that no text is kept without consent),
 * the notify-back outbox, and the role and audit interfaces that curation commands go through
 * ({@link org.kontekst.bot.curation.Roles} and {@link org.kontekst.bot.curation.Audit} hold
 * placeholders until stored roles and the audit log are merged). The commands themselves live in
 * {@code command}; sending in {@code telegram}.
 */
package org.kontekst.bot.curation;
