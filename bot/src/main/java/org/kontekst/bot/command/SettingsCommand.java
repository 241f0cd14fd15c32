package org.kontekst.bot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.ChatSettings;
import org.kontekst.bot.chat.ChatSettingsRepository;
import org.kontekst.bot.chat.GroupMode;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * /settings: a group's mode (quiet, verbose, off) and interface language. Anyone may look; only
 * the chat's admins may change them.
 */
public final class SettingsCommand implements Command {
  private final Texts texts;
  private final ChatSettingsRepository settings;
  private final AdminCheck admins;

  public SettingsCommand(Texts texts, ChatSettingsRepository settings, AdminCheck admins) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.admins = Objects.requireNonNull(admins, "admins");
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
      return context.reply(
          texts.get(lang, "settings.html", modeName(lang, current.mode()), languageName(lang, current)));
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
