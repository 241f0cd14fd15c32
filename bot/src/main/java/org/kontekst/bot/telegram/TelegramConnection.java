package org.kontekst.bot.telegram;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.kontekst.knowledge.lifecycle.ExecutorStop;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The HTTP side of Telegram: one OkHttp client for calls (its dispatcher runs on an executor this
 * class owns) and one for long polling, and the bot's identity from getMe, which also proves the
 * token. Closing shuts down the executors and connections, so the JVM can exit.
 */
public final class TelegramConnection implements AutoCloseable {
  private final TelegramConfig config;
  private final ExecutorService httpExecutor;
  private final OkHttpClient http;
  private final OkHttpClient polling;
  private final TelegramClient client;
  private final String username;

  private TelegramConnection(TelegramConfig config, ExecutorService httpExecutor, OkHttpClient http, OkHttpClient polling, TelegramClient client, String username) {
    this.config = config;
    this.httpExecutor = httpExecutor;
    this.http = http;
    this.polling = polling;
    this.client = client;
    this.username = username;
  }

  /**
   * Connects and calls getMe.
   *
   * @throws TokenRejectedException when the server refuses the token
   * @throws TelegramApiException when the server cannot be reached or answers nonsense
   */
  public static TelegramConnection open(TelegramConfig config) throws TokenRejectedException, TelegramApiException {
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        new ThreadPoolExecutor(
            0,
            64,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "kontekst-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64);
    OkHttpClient http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(16, 1, TimeUnit.MINUTES))
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .build();
    OkHttpClient polling =
        http.newBuilder()
            .dispatcher(new Dispatcher(executor))
            .connectionPool(new ConnectionPool(2, 1, TimeUnit.MINUTES))
            .readTimeout(config.pollTimeout().plusSeconds(15))
            .build();
    TelegramClient client = new OkHttpTelegramClient(http, config.token(), config.telegramUrl());
    try {
      User me = client.execute(new GetMe());
      String username = me == null || me.getUserName() == null ? "" : me.getUserName();
      return new TelegramConnection(config, executor, http, polling, client, username);
    } catch (TelegramApiRequestException e) {
      shutdown(executor, http, polling);
      Integer code = e.getErrorCode();
      if (code != null && (code == 401 || code == 404)) {
        throw new TokenRejectedException(
            "TELEGRAM_BOT_TOKEN was rejected by " + config.apiUrl() + " (" + code + " " + e.getApiResponse() + ")", e);
      }
      throw e;
    } catch (TelegramApiException | RuntimeException e) {
      shutdown(executor, http, polling);
      throw e;
    }
  }

  public TelegramClient client() {
    return client;
  }

  /** The bot's @username without "@", as getMe told it. */
  public String username() {
    return username;
  }

  TelegramConfig config() {
    return config;
  }

  OkHttpClient pollingHttp() {
    return polling;
  }

  /** Cancels the long poll in flight, so that stopping does not wait for its timeout. */
  void cancelPolling() {
    polling.dispatcher().cancelAll();
  }

  @Override
  public void close() {
    shutdown(httpExecutor, http, polling);
  }

  private static void shutdown(ExecutorService executor, OkHttpClient http, OkHttpClient polling) {
    polling.dispatcher().cancelAll();
    ExecutorStop.interruptingAfter(executor, Duration.ofSeconds(5));
    http.connectionPool().evictAll();
    polling.connectionPool().evictAll();
  }
}
