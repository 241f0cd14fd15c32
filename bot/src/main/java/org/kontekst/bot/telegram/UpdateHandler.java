package org.kontekst.bot.telegram;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.CallbackIn;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.command.Router;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Turns one update into its reply: button presses to their handler, messages past the per-user
 * flood guard to the router. It sends nothing, so long polling can send the reply at once and the
 * webhook mode can first make it durable. This is the outer edge: a failure is logged once with the
 * update and chat, and the reply becomes a short apology.
 */
final class UpdateHandler {
  private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

  /** The actions answering one update, and the kind of chat they go to (for pacing). */
  record Reply(ChatKind kind, List<Action> actions) {
    static final Reply NONE = new Reply(ChatKind.OTHER, List.of());

    Reply {
      Objects.requireNonNull(kind, "kind");
      actions = List.copyOf(actions);
    }
  }

  private final Router router;
  private final FloodGuard flood;
  private final BotMetrics metrics;
  private final Texts texts;

  UpdateHandler(Router router, BotMetrics metrics, Texts texts, TelegramConfig config, Ticker ticker) {
    this.router = Objects.requireNonNull(router, "router");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.flood = new FloodGuard(config.floodLimit(), config.floodWindow(), ticker);
  }

  /**
   * The bounded executor updates are processed on: {@code workers} threads, and at most {@code
   * maxInFlight} updates waiting; beyond that {@code execute} refuses.
   */
  static ThreadPoolExecutor executor(TelegramConfig config) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        config.workers(),
        config.workers(),
        0,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(config.maxInFlight()),
        r -> new Thread(r, "kontekst-update-" + n.incrementAndGet()));
  }

  /** The reply to {@code update}; never throws. */
  Reply answer(Update update) {
    try {
      return handle(update);
    } catch (RuntimeException e) {
      log.error("update {} in chat {} failed", update.getUpdateId(), chatOf(update), e);
      metrics.update("failed");
      return apology(update);
    }
  }

  private Reply handle(Update update) {
    if (update.hasCallbackQuery()) {
      Optional<CallbackIn> press = UpdateMapper.callback(update.getCallbackQuery());
      if (press.isEmpty()) {
        metrics.update("ignored");
        return Reply.NONE;
      }
      metrics.update("callback");
      return new Reply(press.get().chatKind(), router.onCallback(press.get()));
    }
    Optional<Incoming> message = update.hasMessage() ? UpdateMapper.incoming(update.getMessage()) : Optional.empty();
    if (message.isEmpty()) {
      metrics.update("ignored");
      return Reply.NONE;
    }
    Incoming in = message.get();
    switch (flood.admit(in.userId())) {
      case NOTICE -> {
        metrics.update("flood");
        if (in.chatKind() != ChatKind.PRIVATE) {
          return Reply.NONE;
        }
        InterfaceLanguage lang = router.languageIn(in.chatId(), in.languageCode());
        return new Reply(
            in.chatKind(),
            List.of(Action.SendText.of(in.chatId(), in.message().messageId(), Html.escape(texts.get(lang, "rate.limited")))));
      }
      case DROP -> {
        metrics.update("flood");
        return Reply.NONE;
      }
      case ALLOW -> {
        metrics.update("message");
        return new Reply(in.chatKind(), router.onMessage(in));
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private Reply apology(Update update) {
    try {
      if (update.hasCallbackQuery()) {
        Optional<CallbackIn> press = UpdateMapper.callback(update.getCallbackQuery());
        if (press.isPresent()) {
          InterfaceLanguage lang = InterfaceLanguage.fromTelegram(press.get().languageCode());
          return new Reply(
              ChatKind.OTHER,
              List.of(new Action.AnswerCallback(press.get().callbackId(), texts.get(lang, "check.failed"), true)));
        }
      }
      Optional<Incoming> in = update.hasMessage() ? UpdateMapper.incoming(update.getMessage()) : Optional.empty();
      if (in.isPresent() && in.get().chatKind() == ChatKind.PRIVATE) {
        InterfaceLanguage lang = InterfaceLanguage.fromTelegram(in.get().languageCode());
        return new Reply(
            ChatKind.PRIVATE,
            List.of(
                Action.SendText.of(
                    in.get().chatId(), in.get().message().messageId(), Html.escape(texts.get(lang, "check.failed")))));
      }
    } catch (RuntimeException e) {
      log.error("update {}: cannot make the apology either", update.getUpdateId(), e);
    }
    return Reply.NONE;
  }

  static Object chatOf(Update update) {
    if (update.hasMessage() && update.getMessage().getChat() != null) {
      return update.getMessage().getChat().getId();
    }
    if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
      return update.getCallbackQuery().getMessage().getChatId();
    }
    return "?";
  }
}
