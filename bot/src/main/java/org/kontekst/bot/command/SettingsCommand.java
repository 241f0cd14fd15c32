package org.kontekst.bot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.Button;
import org.kontekst.bot.chat.CallbackIn;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.ChatSettings;
import org.kontekst.bot.chat.ChatSettingsRepository;
import org.kontekst.bot.chat.GroupMode;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.feedback.Signer;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * /settings: a group's mode (quiet, verbose, off) and interface language. Anyone may look; only
 * the chat's admins may change them, with arguments ({@code /settings verbose}) or with the buttons
 * that /settings alone shows an admin. A button press is checked like a command: signed data
 * (see {@link SettingsChoice}), a group, and a presser who administers it (getChatMember).
 */
public final class SettingsCommand implements Command {
  private final Texts texts;
  private final ChatSettingsRepository settings;
  private final AdminCheck admins;
  private final Signer signer;

  public SettingsCommand(Texts texts, ChatSettingsRepository settings, AdminCheck admins, Signer signer) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  /** Whether callback data looks like a settings button's (it may still be forged). */
  public static boolean owns(String data) {
    return data != null && data.startsWith(SettingsChoice.PREFIX);
  }

  @Override
  public String name() {
    return "settings";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return EnumSet.of(ChatKind.GROUP);
  }

  @Override
  public boolean forAdmins() {
    return true;
  }

  @Override
  public List<Action> handle(CommandContext context) {
    Incoming in = context.incoming();
    InterfaceLanguage lang = context.language();
    if (in.chatKind() != ChatKind.GROUP) {
      return context.reply(Html.escape(texts.get(lang, "settings.private")));
    }
    ChatSettings current = context.settings();
    if (context.args().isEmpty()) {
      if (!in.anonymousAdmin() && !admins.isAdmin(in.chatId(), in.userId())) {
        return context.reply(shown(lang, current));
      }
      return List.of(
          new Action.SendText(in.chatId(), in.message().messageId(), shown(lang, current), keyboard(lang, current, in.chatId())));
    }
    if (!in.anonymousAdmin() && !admins.isAdmin(in.chatId(), in.userId())) {
      return context.reply(Html.escape(texts.get(lang, "settings.not_admin")));
    }
    Optional<ChatSettings> changed = parse(context.args(), current);
    if (changed.isEmpty()) {
      String shown = context.args().length() > 40 ? context.args().substring(0, 40) + "…" : context.args();
      return context.reply(Html.escape(texts.get(lang, "settings.unknown", shown)));
    }
    ChatSettings next = changed.get();
    settings.save(in.chatId(), next);
    InterfaceLanguage answerIn = next.languageFor(in.languageCode());
    return context.reply(
        Html.escape(
            texts.get(answerIn, "settings.saved", modeName(answerIn, next.mode()), languageName(answerIn, next))));
  }

  /**
   * A press on a settings button: changes the setting when the presser administers the group, then
   * shows the new state on the same message, buttons and all. Always answers the callback.
   */
  public List<Action> choose(CallbackIn press, InterfaceLanguage lang) {
    Optional<SettingsChoice> choice = SettingsChoice.decode(press.data(), press.chatId(), signer);
    if (choice.isEmpty() || press.chatKind() != ChatKind.GROUP) {
      return List.of(new Action.AnswerCallback(press.callbackId(), texts.get(lang, "feedback.invalid"), true));
    }
    if (!admins.isAdmin(press.chatId(), press.userId())) {
      return List.of(new Action.AnswerCallback(press.callbackId(), texts.get(lang, "settings.not_admin"), true));
    }
    ChatSettings current = settings.find(press.chatId());
    ChatSettings next = choice.get().applyTo(current);
    InterfaceLanguage answerIn = next.languageFor(press.languageCode());
    String saved = texts.get(answerIn, "settings.saved", modeName(answerIn, next.mode()), languageName(answerIn, next));
    if (next.equals(current)) {
      // The message already shows it: Telegram refuses an edit that changes nothing.
      return List.of(new Action.AnswerCallback(press.callbackId(), saved, false));
    }
    settings.save(press.chatId(), next);
    return List.of(
        new Action.AnswerCallback(press.callbackId(), saved, false),
        new Action.EditText(press.chatId(), press.messageId(), shown(answerIn, next), keyboard(answerIn, next, press.chatId())));
  }

  private String shown(InterfaceLanguage lang, ChatSettings s) {
    return texts.get(lang, "settings.html", modeName(lang, s.mode()), languageName(lang, s));
  }

  /** Modes in the first row, languages in the second; the current ones ticked. */
  private List<List<Button>> keyboard(InterfaceLanguage lang, ChatSettings current, long chatId) {
    return List.of(
        List.of(
            button(texts.get(lang, "settings.button.quiet"), SettingsChoice.QUIET, current, chatId),
            button(texts.get(lang, "settings.button.verbose"), SettingsChoice.VERBOSE, current, chatId),
            button(texts.get(lang, "settings.button.off"), SettingsChoice.OFF, current, chatId)),
        List.of(
            button("English", SettingsChoice.ENGLISH, current, chatId),
            button("Українська", SettingsChoice.UKRAINIAN, current, chatId),
            button(texts.get(lang, "settings.button.auto"), SettingsChoice.AUTO_LANGUAGE, current, chatId)));
  }

  private Button button(String label, SettingsChoice choice, ChatSettings current, long chatId) {
    return new Button((choice.isChosenIn(current) ? "✓ " : "") + label, choice.encode(signer, chatId));
  }

  private static Optional<ChatSettings> parse(String args, ChatSettings current) {
    String[] words = args.toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length == 1) {
      return switch (words[0]) {
        case "quiet" -> Optional.of(current.withMode(GroupMode.QUIET));
        case "verbose" -> Optional.of(current.withMode(GroupMode.VERBOSE));
        case "off" -> Optional.of(current.withMode(GroupMode.OFF));
        case "on" -> Optional.of(current.withMode(GroupMode.QUIET));
        default -> Optional.empty();
      };
    }
    if (words.length == 2 && words[0].equals("lang")) {
      if (words[1].equals("auto")) {
        return Optional.of(current.withLanguage(null));
      }
      return InterfaceLanguage.parse(words[1]).map(current::withLanguage);
    }
    return Optional.empty();
  }

  private String modeName(InterfaceLanguage lang, GroupMode mode) {
    return texts.get(lang, "mode." + mode.name().toLowerCase(Locale.ROOT));
  }

  private String languageName(InterfaceLanguage lang, ChatSettings s) {
    return s.language() == null
        ? texts.get(lang, "settings.language.auto")
        : texts.get(s.language(), "language.name");
  }
}
