package org.kontekst.bot.command;

import org.kontekst.knowledge.check.Report;

/** Told about every report, for metrics. */
@FunctionalInterface
public interface CheckObserver {
  void checked(Report report);

  CheckObserver NONE = report -> {};
}
