package org.kontekst.bot.app;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.kontekst.knowledge.search.Embedder;
import org.kontekst.knowledge.search.Retrieval;
import org.kontekst.knowledge.wording.Wording;

/**
 * Loads what every command that checks posts needs, and that depends on nothing on its command
 * line, while the command line is still being read: the embedding model, the lemmatizer's
 * dictionaries and the bundled wording lexicon.
 *
 * <p>Reading the command line and setting up logging take a fresh JVM about 0.4 s on one core,
 * with the other idle; a one-off {@code check} answers that much sooner. Only the process entry
 * point starts it ({@link Main#main}), for the commands in {@link #COMMANDS}; the embedder is
 * handed to the first {@link EmbeddingSettings#create()} with the same settings, and a failure
 * while loading surfaces there, as if nothing had been preloaded.
 */
final class Preload {
  /** The subcommands that open the engine, by the name that comes first on the command line. */
  static final Set<String> COMMANDS = Set.of("check", "chat", "bot", "eval", "import");

  private record Started(EmbeddingSettings settings, CompletableFuture<Embedder> embedder) {}

  private static final AtomicReference<Started> STARTED = new AtomicReference<>();

  private Preload() {}

  /** Starts loading, on daemon threads, when {@code args} name a command that checks posts. */
  static void startFor(String[] args, EmbeddingSettings settings) {
    if (args.length == 0 || !COMMANDS.contains(args[0])) return;
    CompletableFuture<Embedder> embedder = new CompletableFuture<>();
    if (!STARTED.compareAndSet(null, new Started(settings, embedder))) return;
    daemon("kontekst-preload-model", () -> {
      try {
        // Not warmed up here: the engine does that with whichever embedder it is handed.
        embedder.complete(settings.build());
      } catch (RuntimeException | Error e) {
        embedder.completeExceptionally(e);
      }
    });
    daemon("kontekst-preload-words", () -> {
      Retrieval.preloadDictionaries();
      Wording.preload();
    });
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** The preloaded embedder when it was started for {@code settings}, taken once; else null. */
  static Embedder take(EmbeddingSettings settings) {
    Started started = STARTED.get();
    if (started == null || !started.settings().equals(settings) || !STARTED.compareAndSet(started, null)) {
      return null;
    }
    try {
      return started.embedder().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }
}
