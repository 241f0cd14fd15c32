/**
 * The language model's part in a reply: prompt templates (from {@code prompts/} on the classpath,
 * overridable from a folder), the grounded context writer that asks a LangChain4j {@code ChatModel}
 * for a paragraph citing the matched articles, and the checks that send every doubtful answer
 * back to the template reply. Which model, and where, is decided in {@code app}; no Telegram here.
 */
package org.kontekst.bot.llm;
