package org.kontekst.bot.telegram;

import java.util.List;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.Button;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Turns actions into Bot API methods: HTML parse mode, link previews off. */
final class TelegramMethods {
  private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

  private TelegramMethods() {}

  static BotApiMethod<?> of(Action action) {
    if (action instanceof Action.SendText send) {
      return sendMessage(send);
    }
    if (action instanceof Action.EditText edit) {
      var builder =
          EditMessageText.builder()
              .chatId(edit.chatId())
              .messageId(edit.messageId())
              .text(edit.html())
              .parseMode(ParseMode.HTML)
              .linkPreviewOptions(NO_PREVIEW);
      if (!edit.keyboard().isEmpty()) {
        builder.replyMarkup(keyboard(edit.keyboard()));
      }
      return builder.build();
    }
    Action.AnswerCallback answer = (Action.AnswerCallback) action;
    var builder =
        AnswerCallbackQuery.builder().callbackQueryId(answer.callbackId()).showAlert(answer.alert());
    if (!answer.text().isEmpty()) {
      builder.text(answer.text().length() > 200 ? answer.text().substring(0, 199) + "…" : answer.text());
    }
    return builder.build();
  }

  private static SendMessage sendMessage(Action.SendText send) {
    var builder =
        SendMessage.builder()
            .chatId(send.chatId())
            .text(send.html())
            .parseMode(ParseMode.HTML)
            .linkPreviewOptions(NO_PREVIEW);
    if (send.replyTo() != null) {
      builder.replyParameters(
          ReplyParameters.builder().messageId(send.replyTo()).allowSendingWithoutReply(true).build());
    }
    if (!send.keyboard().isEmpty()) {
      builder.replyMarkup(keyboard(send.keyboard()));
    }
    return builder.build();
  }

  private static InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
    List<InlineKeyboardRow> keyboard =
        rows.stream()
            .map(
                row ->
                    new InlineKeyboardRow(
                        row.stream()
                            .map(b -> InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build())
                            .toList()))
            .toList();
    return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
  }
}
