/**
 * The evaluation harness: development cases (matches and flags) and the CLEF-2020 claim retrieval
 * task, computed through the same {@link org.kontekst.knowledge.check.Checker} the bot uses.
 */
package org.kontekst.bot.eval;
