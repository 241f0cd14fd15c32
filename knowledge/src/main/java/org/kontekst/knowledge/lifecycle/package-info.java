/**
 * Stopping what owns threads, shared by the knowledge engine and the bot: {@link
 * org.kontekst.knowledge.lifecycle.ExecutorStop} shuts an executor down, waits for its tasks and
 * interrupts them only where the caller says so. Nothing else lives here; a component's own
 * {@code close()} stays with the component.
 */
package org.kontekst.knowledge.lifecycle;
