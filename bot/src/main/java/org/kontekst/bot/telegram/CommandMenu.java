package org.kontekst.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.command.Command;
import org.kontekst.bot.command.CommandRegistry;
import org.kontekst.bot.render.Texts;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Registers the command menu with setMyCommands: per scope (default, private chats, groups, group
 * admins), in English (no language code: the fallback) and in Ukrainian ("uk").
 */
final class CommandMenu {
  private CommandMenu() {}

  static List<SetMyCommands> methods(CommandRegistry commands, Texts texts) {
    List<SetMyCommands> out = new ArrayList<>();
    for (InterfaceLanguage lang : InterfaceLanguage.values()) {
      String code = lang == InterfaceLanguage.EN ? null : lang.code();
      out.add(set(menu(commands, texts, lang, ChatKind.PRIVATE, false), new BotCommandScopeDefault(), code));
      out.add(set(menu(commands, texts, lang, ChatKind.PRIVATE, false), new BotCommandScopeAllPrivateChats(), code));
      out.add(set(menu(commands, texts, lang, ChatKind.GROUP, false), new BotCommandScopeAllGroupChats(), code));
      out.add(set(menu(commands, texts, lang, ChatKind.GROUP, true), new BotCommandScopeAllChatAdministrators(), code));
    }
    return out;
  }

  static void register(TelegramClient client, CommandRegistry commands, Texts texts) throws TelegramApiException {
    for (SetMyCommands method : methods(commands, texts)) {
      client.execute(method);
    }
  }

  private static SetMyCommands set(List<BotCommand> commands, BotCommandScope scope, String languageCode) {
    SetMyCommands method = new SetMyCommands(commands);
    method.setScope(scope);
    if (languageCode != null) {
      method.setLanguageCode(languageCode);
    }
    return method;
  }

  private static List<BotCommand> menu(
      CommandRegistry commands, Texts texts, InterfaceLanguage lang, ChatKind kind, boolean admins) {
    List<BotCommand> out = new ArrayList<>();
    for (Command c : commands.all()) {
      if (c.offeredIn().contains(kind) && (!c.forAdmins() || admins)) {
        out.add(new BotCommand(c.name(), texts.get(lang, "command." + c.name())));
      }
    }
    return out;
  }
}
