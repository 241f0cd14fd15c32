package org.kontekst.bot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.Button;
import org.kontekst.bot.chat.CallbackIn;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.ChatSettings;
import org.kontekst.bot.chat.ChatSettingsRepository;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * /lang: shows the interface language with a button per language, or sets it ({@code /lang uk}).
 * In groups the language is an admin setting, so /lang there points to /settings.
 */
public final class LangCommand implements Command {
  /** Callback data of the language buttons: "lang:en", "lang:uk". */
  public static final String CALLBACK_PREFIX = "lang:";

  private final Texts texts;
  private final ChatSettingsRepository settings;

  public LangCommand(Texts texts, ChatSettingsRepository settings) {
    this.texts = Objects.requireNonNull(texts, "texts");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return "lang";
  }

  @Override
  public Set<ChatKind> offeredIn() {
    return EnumSet.of(ChatKind.PRIVATE);
  }

  @Override
  public List<Action> handle(CommandContext context) {
    long chatId = context.incoming().chatId();
    if (context.incoming().chatKind() != ChatKind.PRIVATE) {
      return context.reply(Html.escape(texts.get(context.language(), "lang.group")));
    }
    if (context.args().isEmpty()) {
      List<List<Button>> keyboard =
          List.of(
              List.of(
                  new Button("English", CALLBACK_PREFIX + "en"),
                  new Button("Українська", CALLBACK_PREFIX + "uk")));
      return List.of(
          new Action.SendText(
              chatId,
              context.incoming().message().messageId(),
              Html.escape(texts.get(context.language(), "lang.current")),
              keyboard));
    }
    Optional<InterfaceLanguage> chosen = InterfaceLanguage.parse(context.args());
    if (chosen.isEmpty()) {
      return context.reply(Html.escape(texts.get(context.language(), "lang.unknown")));
    }
    settings.save(chatId, context.settings().withLanguage(chosen.get()));
    return context.reply(Html.escape(texts.get(chosen.get(), "lang.set")));
  }

  /** A press on a language button; the data is checked like anything else from outside. */
  public List<Action> choose(CallbackIn press, InterfaceLanguage current) {
    Optional<InterfaceLanguage> chosen =
        press.data().startsWith(CALLBACK_PREFIX)
            ? InterfaceLanguage.parse(press.data().substring(CALLBACK_PREFIX.length()))
            : Optional.empty();
    if (chosen.isEmpty() || press.chatKind() != ChatKind.PRIVATE) {
      return List.of(new Action.AnswerCallback(press.callbackId(), texts.get(current, "feedback.invalid"), true));
    }
    ChatSettings now = settings.find(press.chatId());
    settings.save(press.chatId(), now.withLanguage(chosen.get()));
    String done = texts.get(chosen.get(), "lang.set");
    return List.of(
        new Action.AnswerCallback(press.callbackId(), done, false),
        new Action.EditText(press.chatId(), press.messageId(), Html.escape(done)));
  }
}
