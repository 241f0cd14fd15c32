package org.kontekst.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The direct MiniLM encoder against LangChain4j's own encoder of the same model. */
class MiniLmTest {
  private static Embedder embedder;

  @BeforeAll
  static void load() {
    embedder = Embedder.defaultModel();
  }

  @AfterAll
  static void release() {
    embedder = null;
  }

  @Test
  void givesTheLibrarysVectorsForTextsWithinTheModelsLength() {
    AllMiniLmL6V2QuantizedEmbeddingModel library = new AllMiniLmL6V2QuantizedEmbeddingModel();
    for (String text :
        List.of(
            "Russia claims the strike on the Kharkiv market hit a weapons depot.",
            "Київ спростовує заяву про мобілізацію жінок.",
            "a",
            "The ministry said 1,200 people were evacuated on 3 March 2022 (see https://example.org).")) {
      float[] ours = embedder.embed(text);
      float[] theirs = Embedder.normalize(library.embed(text).content().vector());
      assertEquals(1.0, Embedder.dot(ours, theirs), 1e-4, text);
    }
  }

  @Test
  void cutsLongTextsAtTheModelsSequenceLength() {
    MiniLm model = new MiniLm(1);
    String start = String.join(" ", Collections.nCopies(300, "war"));
    float[] a = model.vector(start + " peace talks in Geneva");
    float[] b = model.vector(start + " a flood in the river valley");
    assertArrayEquals(a, b, "words past " + MiniLm.MAX_TOKENS + " word pieces are not read");
    float[] shortText = model.vector("war peace talks in Geneva");
    assertTrue(Embedder.dot(Embedder.normalize(a), Embedder.normalize(shortText)) < 0.999);
  }

  @Test
  void batchesGiveTheSameVectorsAsSingleTexts() {
    List<String> texts =
        List.of("Ceasefire talks resumed in Istanbul.", "Зерновий коридор знову працює.", "Sanctions on oil exports.");
    List<float[]> batch = embedder.embedAll(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(1.0, Embedder.dot(batch.get(i), embedder.embed(texts.get(i))), 1e-5, texts.get(i));
    }
  }
}
