package org.kontekst.bot.app;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.Button;
import org.kontekst.bot.chat.CallbackIn;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.Content;
import org.kontekst.bot.chat.FollowUps;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.chat.Origin;
import org.kontekst.bot.command.CheckObserver;
import org.kontekst.bot.command.CheckSettings;
import org.kontekst.bot.command.Conversation;
import org.kontekst.bot.curation.Roles;
import org.kontekst.knowledge.ingest.PageFetcher;
import org.kontekst.bot.command.Typing;
import org.kontekst.bot.command.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kontekst chat}: a local console for volunteers without a bot token. Each line is a
 * message in a private chat; it prints exactly what the bot would send (the HTML text, and the
 * buttons, numbered). "!N" presses button N of the last message with buttons.
 */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {
      "A local console that prints exactly what the bot would send, without Telegram.",
      "Type a post (or /help, /about, ...). Start a line with 'fwd NAME: ' to forward it from NAME.",
      "Type !N to press button N. End with Ctrl-D.",
      "You are user 1: KONTEKST_ADMINS=1 makes you a curation admin (/add, /edit, /grant...)."
    })
final class ChatCli implements Callable<Integer> {
  private final Environment env;

  ChatCli(Environment env) {
    this.env = env;
  }

  private static final long CHAT_ID = 1;
  /** How long the console waits, after the input ends, for fetches still under way. */
  private static final Duration FOLLOW_UP_WAIT = Duration.ofSeconds(30);

  @Mixin private DataOption data;
  @Spec private CommandSpec spec;

  @Option(names = "--lang", paramLabel = "CODE", description = "Your Telegram language code (default: en).")
  private String language = "en";

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = Engine.open(data.store(), env.embedding()::create)) {
      try (Conversation conversation =
          Conversation.assemble(
              new Conversation.Parts(
                  engine.checker(),
                  CheckSettings.forThreshold(engine.threshold()),
                  engine.store().dataSource(),
                  new EngineSummary(engine),
                  (chatId, userId) -> true,
                  "kontekst_bot",
                  CheckObserver.NONE,
                  Clock.systemUTC(),
                  Ticker.systemTicker())
                  .withCuration(engine.curationParts(Roles.parseAdmins(env.admins()), PageFetcher.standard()))
                  .withContext(env.llm().contextWriter(Ticker.systemTicker()), Typing.NONE)
                  .withRetention(env.retention()))) {
        conversation.background().deliverTo(printer(out));
        run(conversation.router(), new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        // An /add typed last still gets its answer before the console ends.
        conversation.background().awaitIdle(FOLLOW_UP_WAIT);
      }
    }
    return 0;
  }

  /** Prints a command's follow-ups (the answer to /add URL) when they come. */
  static FollowUps printer(PrintWriter out) {
    return (kind, actions) -> {
      synchronized (out) {
        for (Action action : actions) {
          print(action, out, new ArrayList<>());
        }
        out.flush();
      }
    };
  }

  /** The loop, separate from the wiring so that tests can drive it. */
  void run(Router router, BufferedReader in, PrintWriter out) throws java.io.IOException {
    int messageId = 0;
    List<Button> buttons = new ArrayList<>();
    Content lastPost = null;
    String line;
    out.println("Kontekst console. Type a post, a /command, or !N to press a button. Ctrl-D ends.");
    out.flush();
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      List<Action> actions;
      if (line.matches("!\\d{1,9}")) {
        int n = Integer.parseInt(line.substring(1));
        if (n < 1 || n > buttons.size()) {
          out.println("(no button " + n + ")");
          out.flush();
          continue;
        }
        actions =
            router.onCallback(
                new CallbackIn("console", CHAT_ID, ChatKind.PRIVATE, CHAT_ID, language, messageId, buttons.get(n - 1).data(), lastPost));
      } else {
        Origin origin = null;
        String text = line;
        if (line.startsWith("fwd ") && line.indexOf(':') > 4) {
          origin = new Origin(Origin.Kind.CHANNEL, line.substring(4, line.indexOf(':')), "");
          text = line.substring(line.indexOf(':') + 1).strip();
        }
        Content content = new Content(++messageId, text, origin, false);
        if (!text.startsWith("/")) {
          lastPost = content;
        }
        actions = router.onMessage(new Incoming(CHAT_ID, ChatKind.PRIVATE, CHAT_ID, language, content, null, false));
      }
      synchronized (out) {
        for (Action action : actions) {
          print(action, out, buttons);
        }
        out.flush();
      }
    }
  }

  /** Prints the buttons numbered, and makes them the ones "!N" presses. */
  private static void printKeyboard(List<List<Button>> keyboard, PrintWriter out, List<Button> buttons) {
    if (keyboard.isEmpty()) {
      return;
    }
    buttons.clear();
    for (List<Button> row : keyboard) {
      StringBuilder shown = new StringBuilder();
      for (Button b : row) {
        buttons.add(b);
        shown.append("[").append(buttons.size()).append(": ").append(b.label()).append("] ");
      }
      out.println(shown.toString().strip());
    }
  }

  private static void print(Action action, PrintWriter out, List<Button> buttons) {
    if (action instanceof Action.SendText send) {
      out.println("--- message" + (send.replyTo() == null ? "" : " (reply to #" + send.replyTo() + ")") + " ---");
      out.println(send.html());
      printKeyboard(send.keyboard(), out, buttons);
    } else if (action instanceof Action.EditText edit) {
      out.println("--- edits message #" + edit.messageId() + (edit.keyboard().isEmpty() ? " (buttons removed)" : "") + " ---");
      out.println(edit.html());
      printKeyboard(edit.keyboard(), out, buttons);
    } else if (action instanceof Action.AnswerCallback answer && !answer.text().isEmpty()) {
      out.println("--- " + (answer.alert() ? "alert" : "notice") + ": " + answer.text());
    }
  }
}
