/**
 * Language detection for articles and posts: one {@link org.kontekst.knowledge.language.LanguageDetector}
 * that tells the script first and then the language from letters and frequent words, tuned for
 * short Ukrainian and Russian texts, plus the evaluation that measures it. No analysis, stemming or
 * search lives here.
 */
package org.kontekst.knowledge.language;
