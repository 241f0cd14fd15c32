/**
 * Storage: the embedded H2 database, its Flyway migrations and the repositories that read and
 * write it. SQL lives in migration files and prepared statements; no search logic here.
 */
package org.kontekst.knowledge.store;
