/**
 * Storage: the database (the embedded H2 file, or PostgreSQL shared by several instances), its
 * Flyway migrations, the repositories that read and write it, and the revision counters and poller
 * that keep what an instance holds in memory in step with it. SQL lives in migration files and
 * prepared statements; no search logic here.
 */
package org.kontekst.knowledge.store;
