/**
 * One post in, one report out: {@link org.kontekst.knowledge.check.Checker}, the report records
 * and the plain-text reply. Rendering for Telegram lives in the bot module.
 */
package org.kontekst.knowledge.check;
