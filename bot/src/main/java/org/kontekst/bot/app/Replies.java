package org.kontekst.bot.app;

import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;

/** Placeholder until the renderer lands: the plain-text reply. */
final class Replies {
  private Replies() {}

  static String plainText(Report report, String interfaceLanguage) {
    StringBuilder out = new StringBuilder();
    if (report.matches().isEmpty()) {
      out.append("No article in the knowledge base speaks to this post.\n");
    } else {
      out.append("Articles that speak to this post:\n");
      int i = 1;
      for (Match m : report.matches()) {
        out.append(i++).append(". ").append(m.title());
        if (!m.outlet().isEmpty()) out.append(" — ").append(m.outlet());
        if (m.published() != null) out.append(", ").append(m.published());
        out.append('\n');
        if (!m.url().isEmpty()) out.append("   ").append(m.url()).append('\n');
        if (!m.passage().isEmpty()) out.append("   “").append(m.passage()).append("”\n");
      }
    }
    for (Flag f : report.flags()) {
      out.append("• “").append(f.text()).append("” (").append(f.category().label()).append("): ")
          .append(f.note(interfaceLanguage));
      if (!f.suggestion().isEmpty()) out.append(" Suggestion: ").append(f.suggestion());
      out.append('\n');
    }
    return out.toString().strip();
  }
}
