/**
 * Import of articles into the knowledge base: reading {@code .txt} (raw pasted pages, with page
 * chrome removed), {@code .md} (front matter and body) and {@code .jsonl} (one article per line),
 * validating every field with a message that names the file and line, and storing each file in
 * one transaction through {@link org.kontekst.knowledge.store.ArticleRepository}. The entry point is
 * {@link org.kontekst.knowledge.ingest.ArticleImporter}. Web pages for a curator's {@code /add URL}
 * come in through {@link org.kontekst.knowledge.ingest.PageFetcher} (safe fetching under an {@link
 * org.kontekst.knowledge.ingest.AddressPolicy}) and {@link
 * org.kontekst.knowledge.ingest.HtmlArticleExtractor} (readability-style text and metadata). Search
 * indexes are not built here: they follow the KB revision.
 */
package org.kontekst.knowledge.ingest;
