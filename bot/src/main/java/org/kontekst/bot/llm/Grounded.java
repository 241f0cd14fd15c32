package org.kontekst.bot.llm;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.langchain4j.model.chat.ChatModel;
import org.kontekst.bot.render.ContextWriter;

/** Builds the language-model parts of a reply. */
public final class Grounded {
  private Grounded() {}

  /**
   * A context writer that asks {@code model} for a paragraph grounded in the matched articles and
   * falls back (declines) on any doubt. The model's own timeout is the time budget: build it with
   * a timeout of a few seconds and no retries.
   */
  public static ContextWriter contextWriter(ChatModel model, Prompts prompts, Ticker ticker) {
    return new GroundedContextWriter(model, prompts, ticker);
  }
}
