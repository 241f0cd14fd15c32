package org.kontekst.bot.app;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
 *
 * <p>The process must not exit while ONNX Runtime is still building the model's session: the
 * native library crashes the JVM (SIGSEGV) when its statics are torn down under it, as a
 * {@code check --help} or a rejected token would do. {@link #settle} waits for the loading first.
 */
final class Preload {
  /** The subcommands that open the engine, by the name that comes first on the command line. */
  static final Set<String> COMMANDS = Set.of("check", "chat", "bot", "eval", "import");

  /** Options after which picocli prints and returns at once: nothing is worth loading then. */
  private static final Set<String> PRINT_ONLY = Set.of("-h", "--help", "-V", "--version");

  private record Started(EmbeddingSettings settings, CompletableFuture<Embedder> embedder) {}

  private static final AtomicReference<Started> STARTED = new AtomicReference<>();
  private static final List<Thread> LOADING = new CopyOnWriteArrayList<>();

  private Preload() {}

  /** Starts loading, on daemon threads, when {@code args} name a command that checks posts. */
  static void startFor(String[] args, EmbeddingSettings settings) {
    if (args.length == 0 || !COMMANDS.contains(args[0])) return;
    for (String arg : args) {
      if (PRINT_ONLY.contains(arg)) return;
    }
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
    LOADING.add(thread);
    thread.start();
  }

  /**
   * Waits, at most {@code max}, until the loading threads are done; call it before the process
   * exits. A command that took the model has already waited for it; one that failed early waits
   * for about half a second.
   *
   * @return whether nothing is loading any more
   */
  static boolean settle(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    for (Thread thread : LOADING) {
      long left = deadline - System.nanoTime();
      if (left <= 0) break;
      try {
        thread.join(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    LOADING.removeIf(t -> !t.isAlive());
    return LOADING.isEmpty();
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
