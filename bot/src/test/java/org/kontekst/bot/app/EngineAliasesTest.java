package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.check.Post;
import org.kontekst.knowledge.search.AliasEntry;
import org.kontekst.knowledge.search.Embedder;

class EngineAliasesTest {
  @TempDir Path data;

  /** Every text gets the same vector: only the lexical channels tell articles apart. */
  private static final EmbeddingModel FLAT =
      new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
          return Response.from(segments.stream().map(s -> Embedding.from(new float[] {1f, 0f, 0f})).toList());
        }
      };

  private double score(Engine engine, String text) {
    var report = engine.checker().check(Post.of(text), 3, 0);
    return report.matches().stream().filter(m -> m.article().equals("summit")).mapToDouble(m -> m.score()).findFirst().orElse(0);
  }

  @Test
  void should_use_a_curator_alias_from_the_next_post_and_forget_it_when_removed() throws Exception {
    Path kb = Path.of(EngineAliasesTest.class.getResource("/kb").toURI());
    assertEquals(0, Main.commandLine(Map.of()).execute("import", "--data", data.toString(), kb.toString()));
    String post = "Putin and Kim Jong-un signed a partnership treaty in Xyzzygrad on 19 June 2024";
    try (Engine engine = Engine.open(data, new Embedder(FLAT, "flat"))) {
      double before = score(engine, post);

      long id = engine.aliases().add(new AliasEntry("pyongyang", "place", List.of("Xyzzygrad"), List.of(), List.of(), List.of()), "42");
      double with = score(engine, post);
      assertTrue(with > before, "with the alias " + with + " > without " + before);

      assertTrue(engine.aliases().remove(id));
      assertEquals(before, score(engine, post), 1e-9);
      assertEquals(List.of(), engine.aliases().list());
    }
  }

  @Test
  void should_refuse_aliases_the_table_could_not_read() {
    for (String bad : List.of("Bad Id", "a|b", "")) {
      assertThrows(IllegalArgumentException.class, () -> new AliasEntry(bad, "place", List.of("x"), List.of(), List.of(), List.of()));
    }
    assertThrows(IllegalArgumentException.class, () -> new AliasEntry("x", "place", List.of("a\tb"), List.of(), List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new AliasEntry("x", "villain", List.of("a"), List.of(), List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new AliasEntry("x", "place", List.of("!!!"), List.of(), List.of(), List.of()));
  }
}
