package org.kontekst.bot.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.CallbackIn;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.ChatSettings;
import org.kontekst.bot.chat.ChatSettingsRepository;
import org.kontekst.bot.chat.GroupMode;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.feedback.FeedbackHandler;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * Sends each message to a command or to the post check, and each button press to its handler,
 * in the chat's interface language. Private chats: every non-command message is a post to check.
 * Groups: forwarded posts are checked under the group's mode; commands addressed to another bot
 * are ignored; with the mode off only /settings answers.
 */
public final class Router {
  private static final Pattern COMMAND =
      Pattern.compile("/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+([\\s\\S]*))?");

  private final CommandRegistry commands;
  private final PostCheck check;
  private final FeedbackHandler feedback;
  private final LangCommand lang;
  private final SettingsCommand settingsCommand;
  private final ChatSettingsRepository settings;
  private final Texts texts;
  private final String botUsername;

  public Router(
      CommandRegistry commands,
      PostCheck check,
      FeedbackHandler feedback,
      LangCommand lang,
      SettingsCommand settingsCommand,
      ChatSettingsRepository settings,
      Texts texts,
      String botUsername) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.check = Objects.requireNonNull(check, "check");
    this.feedback = Objects.requireNonNull(feedback, "feedback");
    this.lang = Objects.requireNonNull(lang, "lang");
    this.settingsCommand = Objects.requireNonNull(settingsCommand, "settingsCommand");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.botUsername = Objects.requireNonNull(botUsername, "botUsername");
  }

  /** The interface language for a person in a chat. */
  public InterfaceLanguage languageIn(long chatId, String languageCode) {
    return settings.find(chatId).languageFor(languageCode);
  }

  public List<Action> onMessage(Incoming in) {
    if (in.chatKind() == ChatKind.OTHER) {
      return List.of();
    }
    ChatSettings chat = settings.find(in.chatId());
    InterfaceLanguage language = chat.languageFor(in.languageCode());
    String text = in.message().text().strip();
    Matcher m = COMMAND.matcher(text);
    if (!in.message().isForwarded() && m.matches()) {
      return onCommand(in, chat, language, m);
    }
    if (in.chatKind() == ChatKind.PRIVATE) {
      return check.check(in, in.message(), language, PostCheck.Policy.ALWAYS);
    }
    if (chat.mode() == GroupMode.OFF || !in.message().isForwarded()) {
      return List.of();
    }
    PostCheck.Policy policy =
        chat.mode() == GroupMode.VERBOSE ? PostCheck.Policy.VERBOSE : PostCheck.Policy.QUIET;
    return check.check(in, in.message(), language, policy);
  }

  private List<Action> onCommand(Incoming in, ChatSettings chat, InterfaceLanguage language, Matcher m) {
    String name = m.group(1);
    String addressee = m.group(2);
    boolean group = in.chatKind() == ChatKind.GROUP;
    if (addressee != null && !addressee.equalsIgnoreCase(botUsername)) {
      return List.of();
    }
    Optional<Command> command = commands.find(name);
    if (group && chat.mode() == GroupMode.OFF && !command.map(c -> c.name().equals("settings")).orElse(false)) {
      return List.of();
    }
    if (command.isEmpty()) {
      if (group && addressee == null) {
        return List.of();
      }
      String shown = "/" + (name.length() > 32 ? name.substring(0, 32) + "…" : name);
      return List.of(
          org.kontekst.bot.chat.Action.SendText.of(
              in.chatId(),
              in.message().messageId(),
              Html.escape(texts.get(language, "unknown_command", shown))));
    }
    return command.get().handle(new CommandContext(in, m.group(3), chat, language));
  }

  public List<Action> onCallback(CallbackIn press) {
    InterfaceLanguage language = languageIn(press.chatId(), press.languageCode());
    if (press.data().startsWith(LangCommand.CALLBACK_PREFIX)) {
      return lang.choose(press, language);
    }
    if (FeedbackHandler.owns(press.data())) {
      return feedback.handle(press, language);
    }
    if (SettingsCommand.owns(press.data())) {
      return settingsCommand.choose(press, language);
    }
    return List.of(
        new Action.AnswerCallback(press.callbackId(), texts.get(language, "feedback.invalid"), true));
  }
}
