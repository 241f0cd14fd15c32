package org.kontekst.bot.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.Button;
import org.kontekst.bot.chat.CallbackIn;
import org.kontekst.bot.chat.ChatKind;
import org.kontekst.bot.chat.Content;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.Texts;

/**
 * The feedback buttons under every reply, and what pressing them does. Button data is signed
 * with the chat; a forged or malformed button gets a polite refusal, a button on a reply older than
 * {@code maxAge} (or unknown) a "this button has expired". "Send to volunteers" asks for consent
 * first, in a message that answers the original post, so that the post's text is never kept
 * unless the person confirms.
 */
public final class FeedbackHandler {
  private final Signer signer;
  private final ReplyLog replies;
  private final FeedbackRepository feedback;
  private final VolunteerInbox volunteers;
  private final Texts texts;
  private final Clock clock;
  private final Duration maxAge;

  public FeedbackHandler(
      Signer signer,
      ReplyLog replies,
      FeedbackRepository feedback,
      VolunteerInbox volunteers,
      Texts texts,
      Clock clock,
      Duration maxAge) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.replies = Objects.requireNonNull(replies, "replies");
    this.feedback = Objects.requireNonNull(feedback, "feedback");
    this.volunteers = Objects.requireNonNull(volunteers, "volunteers");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
  }

  /** Whether callback data looks like a feedback button's (it may still be forged). */
  public static boolean owns(String data) {
    return data != null && data.startsWith(ButtonData.PREFIX);
  }

  /** The three buttons under a reply. */
  public List<List<Button>> keyboard(long replyId, long chatId, InterfaceLanguage lang) {
    return List.of(
        List.of(
            button(lang, "button.helpful", FeedbackAction.HELPFUL, replyId, chatId),
            button(lang, "button.not_relevant", FeedbackAction.NOT_RELEVANT, replyId, chatId)),
        List.of(button(lang, "button.volunteers", FeedbackAction.VOLUNTEERS, replyId, chatId)));
  }

  private Button button(
      InterfaceLanguage lang, String key, FeedbackAction action, long replyId, long chatId) {
    return new Button(texts.get(lang, key), new ButtonData(action, replyId).encode(signer, chatId));
  }

  /** What a press does. The result always includes exactly one answer to the callback. */
  public List<Action> handle(CallbackIn press, InterfaceLanguage lang) {
    Optional<ButtonData> decoded = ButtonData.decode(press.data(), press.chatId(), signer);
    if (decoded.isEmpty()) {
      return List.of(new Action.AnswerCallback(press.callbackId(), texts.get(lang, "feedback.invalid"), true));
    }
    ButtonData data = decoded.get();
    Optional<Instant> created = replies.createdAt(data.replyId());
    if (created.isEmpty() || created.get().plus(maxAge).isBefore(clock.instant())) {
      return List.of(new Action.AnswerCallback(press.callbackId(), texts.get(lang, "feedback.stale"), true));
    }
    String userHash = signer.userHash(press.userId());
    return switch (data.action()) {
      case HELPFUL, NOT_RELEVANT -> {
        feedback.answer(data.replyId(), userHash, data.action());
        yield List.of(new Action.AnswerCallback(press.callbackId(), texts.get(lang, "feedback.thanks"), false));
      }
      case VOLUNTEERS -> askConsent(press, data, lang);
      case SEND_AND_NOTIFY, SEND_QUIETLY -> submit(press, data, lang, userHash);
      case CANCEL ->
          List.of(
              new Action.AnswerCallback(press.callbackId(), "", false),
              new Action.EditText(press.chatId(), press.messageId(), Html.escape(texts.get(lang, "volunteers.cancelled"))));
    };
  }

  private List<Action> askConsent(CallbackIn press, ButtonData data, InterfaceLanguage lang) {
    Content post = press.repliedTo();
    if (post == null || post.text().isBlank()) {
      return List.of(new Action.AnswerCallback(press.callbackId(), texts.get(lang, "volunteers.gone"), true));
    }
    List<List<Button>> keyboard = new ArrayList<>();
    keyboard.add(
        List.of(
            button(lang, "button.consent_yes", FeedbackAction.SEND_AND_NOTIFY, data.replyId(), press.chatId()),
            button(lang, "button.consent_no", FeedbackAction.SEND_QUIETLY, data.replyId(), press.chatId())));
    keyboard.add(List.of(button(lang, "button.cancel", FeedbackAction.CANCEL, data.replyId(), press.chatId())));
    return List.of(
        new Action.AnswerCallback(press.callbackId(), "", false),
        new Action.SendText(
            press.chatId(), post.messageId(), Html.escape(texts.get(lang, "volunteers.ask")), keyboard));
  }

  private List<Action> submit(CallbackIn press, ButtonData data, InterfaceLanguage lang, String userHash) {
    Content post = press.repliedTo();
    if (post == null || post.text().isBlank()) {
      return List.of(new Action.AnswerCallback(press.callbackId(), texts.get(lang, "volunteers.gone"), true));
    }
    boolean notify = data.action() == FeedbackAction.SEND_AND_NOTIFY;
    // In a group the person is told in private, which works once they have started the bot.
    Long notifyChat = notify ? (press.chatKind() == ChatKind.PRIVATE ? press.chatId() : press.userId()) : null;
    volunteers.submit(
        new VolunteerPost(data.replyId(), post.text(), post.forwardedFrom(), lang, userHash, notifyChat));
    String key = notify ? "volunteers.sent_notify" : "volunteers.sent";
    return List.of(
        new Action.AnswerCallback(press.callbackId(), "", false),
        new Action.EditText(press.chatId(), press.messageId(), Html.escape(texts.get(lang, key))));
  }
}
