package org.kontekst.bot.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * getUpdates, lenient about single updates. TelegramBots parses a whole getUpdates answer at once;
 * one update it cannot read would fail every poll, forever (and the mapper given to the polling
 * application is not used for it). Here such an update becomes an empty one with its id, which the
 * bot skips, and polling moves on.
 */
final class LenientGetUpdates extends GetUpdates {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(LenientGetUpdates.class);
  private static final ObjectMapper MAPPER = mapper();
  private static final TypeReference<ApiResponse<ArrayList<Update>>> RESPONSE = new TypeReference<>() {};

  LenientGetUpdates(int offset, int limit, int timeout, List<String> allowedUpdates) {
    super(offset, limit, timeout, allowedUpdates);
  }

  @Override
  public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
    ApiResponse<ArrayList<Update>> response;
    try {
      response = MAPPER.readValue(answer, RESPONSE);
    } catch (IOException e) {
      throw new TelegramApiRequestException("Unable to deserialize response", e);
    }
    if (!Boolean.TRUE.equals(response.getOk()) || response.getResult() == null) {
      throw new TelegramApiRequestException("Error getting updates", response);
    }
    return response.getResult();
  }

  /**
   * One update from its JSON (a webhook's request body), with the same leniency: an update
   * TelegramBots cannot read becomes an empty one with its id.
   *
   * @throws IOException when the text is not JSON at all
   */
  static Update read(String json) throws IOException {
    return MAPPER.readValue(json, Update.class);
  }

  private static ObjectMapper mapper() {
    SimpleModule module = new SimpleModule("lenient-updates");
    module.addDeserializer(Update.class, new Deserializer(new ObjectMapper()));
    return new ObjectMapper().registerModule(module);
  }

  private static final class Deserializer extends StdDeserializer<Update> {
    private static final long serialVersionUID = 1L;
    private final transient ObjectMapper strict;

    Deserializer(ObjectMapper strict) {
      super(Update.class);
      this.strict = strict;
    }

    @Override
    public Update deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = parser.readValueAsTree();
      try {
        return strict.treeToValue(node, Update.class);
      } catch (IOException | IllegalArgumentException e) {
        int id = node.path("update_id").asInt();
        log.warn("update {} could not be read and is skipped: {}", id, e.getMessage().lines().findFirst().orElse(""));
        Update skipped = new Update();
        skipped.setUpdateId(id);
        return skipped;
      }
    }
  }
}
