package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.search.Embedder;

/** The embedding model is configurable; a remote one is reached over real HTTP on loopback. */
class EmbeddingSettingsTest {
  @TempDir Path data;

  @Test
  void should_use_an_openai_compatible_server_for_embeddings() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ObjectMapper json = new ObjectMapper();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/embeddings", exchange -> {
      calls.incrementAndGet();
      JsonNode request = json.readTree(exchange.getRequestBody());
      ObjectNode response = json.createObjectNode();
      ArrayNode out = response.putArray("data");
      int index = 0;
      for (JsonNode input : request.get("input")) {
        ObjectNode item = out.addObject();
        item.put("object", "embedding");
        item.put("index", index++);
        ArrayNode vector = item.putArray("embedding");
        // A bag-of-letters vector: similar texts get similar vectors, deterministically.
        float[] v = new float[26];
        for (char c : input.asText().toLowerCase().toCharArray()) if (c >= 'a' && c <= 'z') v[c - 'a']++;
        for (float x : v) vector.add(x + 0.01f);
      }
      response.put("model", request.get("model").asText());
      response.putObject("usage").put("prompt_tokens", 1).put("total_tokens", 1);
      byte[] body = json.writeValueAsBytes(response);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
      EmbeddingSettings settings = EmbeddingSettings.from(Map.of(
          "KONTEKST_EMBEDDING", "openai", "KONTEKST_EMBEDDING_URL", url,
          "KONTEKST_EMBEDDING_MODEL", "test-embedder", "KONTEKST_EMBEDDING_API_KEY", "secret"));
      Embedder embedder = settings.create();
      assertEquals("openai:test-embedder", embedder.name());
      assertTrue(!settings.toString().contains("secret"));

      Path kb = Path.of(EmbeddingSettingsTest.class.getResource("/kb").toURI());
      assertEquals(0, Main.commandLine(Map.of()).execute("import", "--data", data.toString(), kb.toString()));
      try (Engine engine = Engine.open(data, embedder)) {
        Report report = engine.checker().check(
            Post.of("Putin and Kim Jong-un signed a partnership treaty in Pyongyang on 19 June 2024"), 3, 0);
        assertEquals("summit", report.matches().get(0).article());
      }
      assertTrue(calls.get() >= 2, "the index and the query must both be embedded by the server");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void should_say_which_variable_is_missing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EmbeddingSettings.from(Map.of("KONTEKST_EMBEDDING", "onnx")).create());
    assertTrue(e.getMessage().contains("KONTEKST_EMBEDDING_MODEL"), e.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> EmbeddingSettings.from(Map.of("KONTEKST_EMBEDDING", "word2vec")).create());
    assertTrue(unknown.getMessage().contains("minilm, onnx, ollama or openai"), unknown.getMessage());
  }

  @Test
  void should_say_that_a_file_is_not_an_onnx_model() throws Exception {
    java.nio.file.Path notAModel = java.nio.file.Files.writeString(data.resolve("model.onnx"), "not protobuf");
    java.nio.file.Path tokenizer = java.nio.file.Files.writeString(data.resolve("tokenizer.json"), "{}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EmbeddingSettings.from(Map.of("KONTEKST_EMBEDDING", "onnx", "KONTEKST_EMBEDDING_MODEL", notAModel.toString(),
            "KONTEKST_EMBEDDING_TOKENIZER", tokenizer.toString())).build());
    assertTrue(e.getMessage().contains("cannot load " + notAModel), e.getMessage());
    assertTrue(e.getMessage().contains("KONTEKST_EMBEDDING_MODEL"), e.getMessage());
  }

  @Test
  void should_default_to_the_in_process_model() {
    assertEquals("all-minilm-l6-v2-q/256", EmbeddingSettings.from(Map.of()).create().name());
  }

  @Test
  void should_exit_2_with_the_message_for_a_bad_embedding_setting() throws URISyntaxException {
    int code = Main.commandLine(Map.of("KONTEKST_EMBEDDING", "onnx"))
        .execute("check", "--data", data.toString(), "Some post about the war with enough words in it");
    assertEquals(2, code);
  }

}
