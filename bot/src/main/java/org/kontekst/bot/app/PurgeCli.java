package org.kontekst.bot.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.kontekst.bot.curation.Retention;
import org.kontekst.bot.curation.RetentionPolicy;
import org.kontekst.knowledge.store.KnowledgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kontekst purge}: applies the retention of posts sent to volunteers now, as the running
 * bot does every 6 hours; for a data directory whose bot is stopped, or from cron.
 */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description = {
      "Erases what the retention of posts sent to volunteers says is due: the text of posts answered or",
      "dismissed more than KONTEKST_VOLUNTEER_TEXT_DAYS ago (default 30), and any post sent more than",
      "KONTEKST_VOLUNTEER_MAX_DAYS ago (default 90). The queue's counts stay. The bot does this every 6 hours."
    })
final class PurgeCli implements Callable<Integer> {
  private final Environment env;

  @Mixin private DataOption data;
  @Spec private CommandSpec spec;

  PurgeCli(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    RetentionPolicy policy = env.retention();
    PrintWriter out = spec.commandLine().getOut();
    try (KnowledgeStore store = KnowledgeStore.open(data.store())) {
      Retention.Purged purged = new Retention(store.dataSource(), policy, Clock.systemUTC()).purge();
      out.printf(
          "erased the text of %d volunteer post%s answered more than %d days ago; deleted %d sent more than %d days ago%n",
          purged.textsErased(), purged.textsErased() == 1 ? "" : "s", policy.answeredTextDays(),
          purged.postsDeleted(), policy.maxAgeDays());
      out.flush();
    }
    return 0;
  }
}
