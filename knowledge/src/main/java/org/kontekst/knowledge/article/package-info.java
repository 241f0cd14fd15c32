/**
 * The records of the knowledge base: articles, their status and language codes. No storage, no
 * search: those live in {@code store} and {@code search}.
 */
package org.kontekst.knowledge.article;
