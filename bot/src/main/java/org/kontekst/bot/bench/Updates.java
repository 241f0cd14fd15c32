package org.kontekst.bot.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds Bot API update JSON for the fake server, as Telegram would send it: messages (text,
 * captions, forwards with {@code forward_origin}, replies) and button presses.
 */
public final class Updates {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Updates() {}

  /** A message being built; {@link #update(int)} wraps it in an update. */
  public static final class MessageBuilder {
    private final ObjectNode message = JSON.objectNode();

    private MessageBuilder(int messageId, long chatId, String chatType) {
      message.put("message_id", messageId);
      message.put("date", (int) (System.currentTimeMillis() / 1000));
      ObjectNode chat = message.putObject("chat").put("id", chatId).put("type", chatType);
      if (!chatType.equals("private")) {
        chat.put("title", "Test group");
      }
    }

    public MessageBuilder from(long userId, String languageCode) {
      ObjectNode from = message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Test");
      if (languageCode != null) {
        from.put("language_code", languageCode);
      }
      return this;
    }

    public MessageBuilder text(String text) {
      message.put("text", text);
      return this;
    }

    /** A photo with a caption. */
    public MessageBuilder photo(String caption) {
      message.putArray("photo").addObject().put("file_id", "AgAD").put("file_unique_id", "u1").put("width", 90).put("height", 90);
      message.put("caption", caption);
      return this;
    }

    public MessageBuilder video(String caption) {
      message.putObject("video").put("file_id", "BAAD").put("file_unique_id", "v1").put("width", 640).put("height", 360).put("duration", 5);
      message.put("caption", caption);
      return this;
    }

    /**
     * A link entity on the text, or on the caption when there is one: {@code text_link} (a hidden
     * link to {@code url}) or {@code url}, at UTF-16 {@code offset} and {@code length}.
     */
    public MessageBuilder entity(String type, int offset, int length, String url) {
      String field = message.has("caption") ? "caption_entities" : "entities";
      ArrayNode entities = message.has(field) ? (ArrayNode) message.get(field) : message.putArray(field);
      ObjectNode e = entities.addObject().put("type", type).put("offset", offset).put("length", length);
      if (url != null) {
        e.put("url", url);
      }
      return this;
    }

    /** A hidden link: the first {@code visible} of the text (or caption) links to {@code url}. */
    public MessageBuilder textLink(String visible, String url) {
      String text = message.has("caption") ? message.get("caption").asText() : message.path("text").asText();
      int at = text.indexOf(visible);
      if (at < 0) {
        throw new IllegalArgumentException("the text has no " + visible);
      }
      return entity("text_link", at, visible.length(), url);
    }

    public MessageBuilder forwardedFromChannel(String title, String username) {
      ObjectNode origin = message.putObject("forward_origin").put("type", "channel").put("date", 1_700_000_000).put("message_id", 7);
      ObjectNode chat = origin.putObject("chat").put("id", -100_777L).put("type", "channel").put("title", title);
      if (username != null) {
        chat.put("username", username);
      }
      return this;
    }

    public MessageBuilder forwardedFromUser(String firstName, String username) {
      ObjectNode origin = message.putObject("forward_origin").put("type", "user").put("date", 1_700_000_000);
      ObjectNode user = origin.putObject("sender_user").put("id", 555).put("is_bot", false).put("first_name", firstName);
      if (username != null) {
        user.put("username", username);
      }
      return this;
    }

    public MessageBuilder forwardedFromHiddenUser(String name) {
      message.putObject("forward_origin").put("type", "hidden_user").put("date", 1_700_000_000).put("sender_user_name", name);
      return this;
    }

    public MessageBuilder replyTo(ObjectNode repliedMessage) {
      message.set("reply_to_message", repliedMessage);
      return this;
    }

    public ObjectNode message() {
      return message.deepCopy();
    }

    public ObjectNode update(int updateId) {
      ObjectNode update = JSON.objectNode().put("update_id", updateId);
      update.set("message", message.deepCopy());
      return update;
    }
  }

  public static MessageBuilder privateMessage(int messageId, long userId) {
    return new MessageBuilder(messageId, userId, "private");
  }

  public static MessageBuilder groupMessage(int messageId, long groupId) {
    return new MessageBuilder(messageId, groupId, "supergroup");
  }

  /**
   * A press on a button of the bot's message {@code botMessageId}, which answered {@code
   * repliedTo} (or nothing).
   */
  public static ObjectNode callback(
      int updateId, String queryId, long userId, long chatId, int botMessageId, String data, ObjectNode repliedTo) {
    ObjectNode botMessage = JSON.objectNode();
    botMessage.put("message_id", botMessageId).put("date", (int) (System.currentTimeMillis() / 1000));
    botMessage.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
    botMessage.putObject("from").put("id", 4242).put("is_bot", true).put("first_name", "Kontekst");
    botMessage.put("text", "reply");
    if (repliedTo != null) {
      botMessage.set("reply_to_message", repliedTo);
    }
    ObjectNode update = JSON.objectNode().put("update_id", updateId);
    ObjectNode query = update.putObject("callback_query");
    query.put("id", queryId).put("chat_instance", "ci").put("data", data);
    query.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Test").put("language_code", "en");
    query.set("message", botMessage);
    return update;
  }
}
