package org.kontekst.bot.render;

import java.util.Optional;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.knowledge.check.Report;

/**
 * Writes the context paragraph that opens a reply, citing the report's matches as [1], [2] in the
 * order the reply lists them; or declines, and the template reply stands alone. Implementations
 * never throw: every failure is a decline.
 */
@FunctionalInterface
public interface ContextWriter {

  /** Writes nothing: replies come from the templates alone (no language model configured). */
  ContextWriter NONE = (report, language, waiting) -> Optional.empty();

  /**
   * The paragraph for {@code report} in {@code language}, or empty.
   *
   * @param waiting run once, just before slow work starts (a call to a language model), so the
   *     caller can show that it is working; not run when the answer is at hand
   */
  Optional<String> write(Report report, InterfaceLanguage language, Runnable waiting);
}
