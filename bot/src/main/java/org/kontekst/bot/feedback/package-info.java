/**
 * Feedback on replies: the signed data behind the "Helpful", "Not relevant" and "Send to
 * volunteers" buttons, the answers and the posts sent to volunteers (with consent), the reply log
 * that the buttons refer to, and usage counts under salted user hashes. Rendering of the reply
 * itself lives in {@code render}; sending in {@code telegram}.
 */
package org.kontekst.bot.feedback;
