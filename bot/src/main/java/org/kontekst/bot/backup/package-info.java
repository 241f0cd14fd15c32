/**
 * Backup and restore of a data directory's curated state as one JSON Lines file of typed records
 * ({@code kontekst export}, and {@code kontekst import} of such a file): articles, curated lexicon
 * entries, roles and the audit trail; other features add their tables as {@link
 * org.kontekst.bot.backup.TableSection}s. The format is described in {@code docs/backup.md}.
 */
package org.kontekst.bot.backup;
