package org.kontekst.knowledge.search;

import java.time.LocalDate;

/** The stored fields of an indexed article: what a reply needs without going to the database. */
public record IndexedArticle(
    String id, String title, String outlet, String url, LocalDate published, String language, String text) {}
