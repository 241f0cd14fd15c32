package org.kontekst.bot.telegram;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.FollowUps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends actions to the Bot API without blocking a thread: paced to Telegram's limits (per chat,
 * per group, overall), in order within one reply, and retried (a 429 after its
 * {@code retry_after}; 5xx, unreadable answers and network errors with exponential backoff), since
 * the library retries nothing. The pacers keep their state in memory, or in the database when
 * several webhook instances send for one bot. Owns its scheduler thread.
 */
public final class SendQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SendQueue.class);
  private final TelegramClient client;
  private final SendLimits limits;
  private final RetryPolicy retry;
  private final BotMetrics metrics;
  private final ScheduledExecutorService scheduler;
  private final SendPacer perChat;
  private final SendPacer perGroup;
  private final SendPacer global;

  /** A queue that paces in this process's memory: the only process that sends for the bot. */
  public SendQueue(TelegramClient client, SendLimits limits, RetryPolicy retry, BotMetrics metrics) {
    this(client, limits, retry, metrics, SendPacer.local());
  }

  /**
   * A queue whose pacers {@code pacers} makes: in the database, when several instances send for the
   * bot and must keep to its limits together.
   */
  SendQueue(TelegramClient client, SendLimits limits, RetryPolicy retry, BotMetrics metrics, SendPacer.Factory pacers) {
    this.client = Objects.requireNonNull(client, "client");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "kontekst-send-scheduler");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    this.scheduler = executor;
    this.perChat = pacers.create("chat", limits.perChatInterval(), limits.perChatBurst());
    this.perGroup = pacers.create("group", limits.perGroupInterval(), limits.perGroupBurst());
    this.global = pacers.create("global", limits.globalInterval(), limits.globalBurst());
  }

  /**
   * Where a command's follow-ups go (its answer once slow work is done, outside any update): this
   * queue, paced, in order and retried; a message that fails for good is logged.
   */
  public FollowUps followUps() {
    return (kind, actions) ->
        send(kind, actions)
            .whenComplete(
                (ok, error) -> {
                  if (error != null) {
                    log.warn(
                        "a follow-up to chat {} could not be sent: {}",
                        actions.isEmpty() ? "?" : actions.get(0).chatId(), error.toString());
                  }
                });
  }

  /**
   * Sends the actions one after another; completes when the last is sent, or exceptionally with
   * the first that failed for good (the rest are then not sent).
   */
  public CompletableFuture<Void> send(ChatKind kind, List<Action> actions) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (Action action : actions) {
      chain = chain.thenCompose(ignored -> sendOne(kind, action));
    }
    return chain;
  }

  /**
   * Sends one action as {@link #send} does, running {@code beforeCall} right before each call to
   * the Bot API, retries included. If it throws, that call is not made and the send fails with what
   * it threw. The webhook mode records each attempt durably this way.
   */
  CompletableFuture<Void> send(ChatKind kind, Action action, Runnable beforeCall) {
    return sendOne(kind, action, beforeCall);
  }

  private CompletableFuture<Void> sendOne(ChatKind kind, Action action) {
    return sendOne(kind, action, () -> {});
  }

  private CompletableFuture<Void> sendOne(ChatKind kind, Action action, Runnable beforeCall) {
    BotApiMethod<?> method = TelegramMethods.of(action);
    CompletableFuture<Void> done = new CompletableFuture<>();
    boolean paced = limits.paced() && !(action instanceof Action.AnswerCallback);
    attempt(new Call(method, action.chatId(), kind, paced, beforeCall, done), 1);
    return done;
  }

  /** One action being sent, across its attempts. */
  private record Call(
      BotApiMethod<?> method,
      long chatId,
      ChatKind kind,
      boolean paced,
      Runnable beforeCall,
      CompletableFuture<Void> done) {}

  private void attempt(Call c, int attempt) {
    long now = System.nanoTime();
    long at = now;
    if (c.paced) {
      at = perChat.reserve(c.chatId, at);
      if (c.kind == ChatKind.GROUP) {
        at = perGroup.reserve(c.chatId, at);
      }
      at = global.reserve(0L, at);
    }
    Runnable call = () -> execute(c, attempt);
    if (at - now <= 0) {
      call.run();
    } else {
      schedule(call, at - now, c.done);
    }
  }

  private void execute(Call c, int attempt) {
    CompletableFuture<Void> done = c.done;
    try {
      c.beforeCall.run();
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
      return;
    }
    CompletableFuture<?> call;
    try {
      call = client.executeAsync(c.method);
    } catch (TelegramApiException | RuntimeException e) {
      metrics.sendError("invalid");
      done.completeExceptionally(e);
      return;
    }
    call.whenComplete(
        (result, error) -> {
          if (error == null) {
            done.complete(null);
            return;
          }
          Throwable cause = unwrap(error);
          Retry decision = classify(cause);
          if (decision == null || attempt >= retry.maxAttempts()) {
            metrics.sendError(decision == null ? errorCode(cause) : "gave_up");
            done.completeExceptionally(cause);
            return;
          }
          metrics.sendRetry(decision.reason);
          long delay = decision.delayMillis >= 0 ? decision.delayMillis : retry.backoff(attempt).toMillis();
          if (decision.delayMillis >= 0 && c.paced) {
            perChat.holdUntil(c.chatId, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay));
          }
          schedule(() -> attempt(c, attempt + 1), TimeUnit.MILLISECONDS.toNanos(delay), done);
        });
  }

  private void schedule(Runnable task, long delayNanos, CompletableFuture<Void> done) {
    try {
      scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      done.completeExceptionally(new IllegalStateException("the send queue is closed", e));
    }
  }

  /** Why and when to retry; a negative delay means "use the backoff". */
  private record Retry(String reason, long delayMillis) {}

  /**
   * Whether a call that failed for good here failed for a passing reason (429, 5xx, an unreadable
   * answer, the network), so that trying it again later may succeed.
   */
  static boolean transientFailure(Throwable error) {
    return classify(unwrap(error)) != null;
  }

  private static Retry classify(Throwable error) {
    if (error instanceof TelegramApiRequestException api) {
      Integer code = api.getErrorCode();
      if (code != null && code == 429) {
        Integer after = api.getParameters() == null ? null : api.getParameters().getRetryAfter();
        return new Retry("429", (after == null || after < 0 ? 1 : after) * 1000L);
      }
      if (code == null || code >= 500) {
        return new Retry(code == null ? "unreadable" : "5xx", -1);
      }
      return null;
    }
    if (error instanceof IOException || error.getCause() instanceof IOException) {
      return new Retry("network", -1);
    }
    return null;
  }

  private static String errorCode(Throwable error) {
    if (error instanceof TelegramApiRequestException api && api.getErrorCode() != null) {
      return String.valueOf(api.getErrorCode());
    }
    return error.getClass().getSimpleName();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Stops scheduling; sends already waiting for a retry fail. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
