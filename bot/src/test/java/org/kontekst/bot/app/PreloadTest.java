package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kontekst.knowledge.search.Embedder;

/** The preload is process-wide; each test takes what it started, so none leaks to the next. */
class PreloadTest {

  @Test
  void handsThePreloadedModelToTheFirstCreateWithTheSameSettingsOnly() {
    Preload.startFor(new String[] {"check", "--data", "x", "post"}, EmbeddingSettings.DEFAULT);
    EmbeddingSettings other = new EmbeddingSettings("ollama", "nomic-embed-text", null, null, null);
    assertNull(Preload.take(other), "settings that differ get no preloaded model");

    Embedder preloaded = Preload.take(EmbeddingSettings.DEFAULT);
    assertNotNull(preloaded);
    assertEquals(384, preloaded.embed("a forwarded post").length);
    assertNull(Preload.take(EmbeddingSettings.DEFAULT), "taken once");
  }

  @Test
  void startsNothingForCommandsThatDoNotCheckPosts() {
    Preload.startFor(new String[] {"sources", "list"}, EmbeddingSettings.DEFAULT);
    Preload.startFor(new String[0], EmbeddingSettings.DEFAULT);
    Preload.startFor(new String[] {"check", "--help"}, EmbeddingSettings.DEFAULT);
    Preload.startFor(new String[] {"bot", "-V"}, EmbeddingSettings.DEFAULT);
    assertNull(Preload.take(EmbeddingSettings.DEFAULT));
  }

  @Test
  void settleWaitsForTheModelThatNoCommandTook() throws Exception {
    // As when a command fails on its options: nobody takes the model, and the process exits.
    Preload.startFor(new String[] {"check", "--no-such-option"}, EmbeddingSettings.DEFAULT);
    Thread loading = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("kontekst-preload-model"))
        .findFirst()
        .orElseThrow();
    assertTrue(loading.isAlive(), "building the model takes far longer than starting its thread");
    assertTrue(Preload.settle(Duration.ofSeconds(60)));
    assertFalse(loading.isAlive());
    assertNotNull(Preload.take(EmbeddingSettings.DEFAULT));
  }

  @Test
  void aFailedPreloadFailsTheCreateAsBuildingWould() {
    EmbeddingSettings incomplete = new EmbeddingSettings("onnx", null, null, null, null);
    Preload.startFor(new String[] {"check"}, incomplete);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, incomplete::create);
    assertTrue(e.getMessage().contains("KONTEKST_EMBEDDING_MODEL"), e.getMessage());
    IllegalArgumentException direct = assertThrows(IllegalArgumentException.class, incomplete::build);
    assertEquals(direct.getMessage(), e.getMessage());
  }
}
