package org.kontekst.bot.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kontekst.bot.chat.Action;
import org.kontekst.bot.chat.Button;
import org.kontekst.bot.chat.Content;
import org.kontekst.bot.chat.Incoming;
import org.kontekst.bot.chat.InterfaceLanguage;
import org.kontekst.bot.feedback.FeedbackHandler;
import org.kontekst.bot.feedback.FeedbackRepository;
import org.kontekst.bot.feedback.ReplyLog;
import org.kontekst.bot.feedback.Signer;
import org.kontekst.bot.render.Html;
import org.kontekst.bot.render.ReplyComposer;
import org.kontekst.bot.render.ReplyRenderer;
import org.kontekst.bot.render.Texts;
import org.kontekst.knowledge.check.Checker;
import org.kontekst.bot.curation.SourceRegistry;
import org.kontekst.knowledge.check.InvalidPostException;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.FlagCategory;

/**
 * Checks one post and builds the reply: the one road from a message to the {@link Checker} and
 * back, shared by forwarded posts, pasted text and /check.
 */
public final class PostCheck {

  /** When the bot speaks about a post. */
  public enum Policy {
    /** Always: private chats and an explicit /check. */
    ALWAYS,
    /** Only on a confident match or a misnaming, pejorative or euphemism flag. */
    QUIET,
    /** Every post, "nothing found" included. */
    VERBOSE
  }

  private static final Set<FlagCategory> WORTH_SPEAKING =
      EnumSet.of(FlagCategory.MISNAMING, FlagCategory.PEJORATIVE, FlagCategory.EUPHEMISM);

  private final Checker checker;
  private final CheckSettings settings;
  private final ReplyComposer composer;
  private final Typing typing;
  private final Texts texts;
  private final ReplyLog replies;
  private final FeedbackHandler feedback;
  private final FeedbackRepository stats;
  private final Signer signer;
  private final CheckObserver observer;
  private final SourceRegistry sources;

  public PostCheck(
      Checker checker,
      CheckSettings settings,
      ReplyComposer composer,
      Typing typing,
      Texts texts,
      ReplyLog replies,
      FeedbackHandler feedback,
      FeedbackRepository stats,
      Signer signer,
      CheckObserver observer,
      SourceRegistry sources) {
    this.checker = Objects.requireNonNull(checker, "checker");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.composer = Objects.requireNonNull(composer, "composer");
    this.typing = Objects.requireNonNull(typing, "typing");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.replies = Objects.requireNonNull(replies, "replies");
    this.feedback = Objects.requireNonNull(feedback, "feedback");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.sources = Objects.requireNonNull(sources, "sources");
  }

  /**
   * Checks {@code post} (the message itself, or the one a /check answers) and returns the reply,
   * which answers {@code post}; empty when the policy says to stay quiet.
   */
  public List<Action> check(Incoming in, Content post, InterfaceLanguage lang, Policy policy) {
    String text = post.text().strip();
    if (text.isEmpty()) {
      return policy == Policy.ALWAYS ? say(in, post, texts.get(lang, "check.empty")) : List.of();
    }
    if (text.length() > Post.MAX_LENGTH) {
      return policy == Policy.ALWAYS
          ? say(in, post, texts.get(lang, "check.too_long", text.length(), Post.MAX_LENGTH))
          : List.of();
    }
    Report report;
    try {
      Post p = new Post(in.chatId() + ":" + post.messageId(), text, "", post.forwardedFrom());
      report = checker.check(p, settings.maxMatches(), settings.minScore());
    } catch (InvalidPostException e) {
      return policy == Policy.ALWAYS
          ? say(in, post, texts.get(lang, "check.invalid", e.getMessage()))
          : List.of();
    }
    observer.checked(report);
    stats.countCheck(signer.userHash(in.userId()));
    if (!speaks(report, policy)) {
      return List.of();
    }
    ReplyRenderer.Detail detail =
        policy == Policy.QUIET ? ReplyRenderer.Detail.CONCISE : ReplyRenderer.Detail.FULL;
    String username = post.origin() == null ? "" : post.origin().username();
    List<String> parts =
        composer.html(report, lang, detail, () -> typing.typing(in.chatId()), sources.labelsFor(username, text, post.links()));
    long replyId = replies.record(in.chatKind(), lang, report);
    List<List<Button>> keyboard = feedback.keyboard(replyId, in.chatId(), lang);
    List<Action> actions = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      actions.add(
          new Action.SendText(
              in.chatId(), i == 0 ? post.messageId() : null, parts.get(i), last ? keyboard : List.of()));
    }
    return actions;
  }

  private boolean speaks(Report report, Policy policy) {
    return switch (policy) {
      case ALWAYS, VERBOSE -> true;
      case QUIET ->
          report.matches().stream().anyMatch(m -> m.score() >= settings.confidentScore())
              || report.flags().stream().anyMatch(f -> WORTH_SPEAKING.contains(f.category()));
    };
  }

  private static List<Action> say(Incoming in, Content post, String text) {
    return List.of(Action.SendText.of(in.chatId(), post.messageId(), Html.escape(text)));
  }
}
