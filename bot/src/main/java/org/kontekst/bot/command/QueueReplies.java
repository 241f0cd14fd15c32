package org.kontekst.bot.command;

import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.curation.CurationQueue;
import org.kontekst.bot.render.Texts;

/** What /link and /dismiss answer, as plain text. */
final class QueueReplies {
  private QueueReplies() {}

  static String of(Texts texts, InterfaceLanguage lang, CurationQueue.Result result, long item, String article) {
    return switch (result.outcome()) {
      case DONE ->
          article.isEmpty()
              ? texts.get(lang, "dismiss.done", item, result.notices())
              : texts.get(lang, "link.done", item, article, result.notices());
      case NO_SUCH_ITEM -> texts.get(lang, "queue.no_item", item);
      case ALREADY_CLOSED -> texts.get(lang, "queue.closed", item);
      case NO_SUCH_ARTICLE -> texts.get(lang, "link.no_article", RoleGate.shown(article));
    };
  }
}
