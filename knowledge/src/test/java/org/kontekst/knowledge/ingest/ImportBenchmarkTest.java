package org.kontekst.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the benchmark small, to show it works; the figure is printed, never asserted. */
class ImportBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void should_import_every_synthetic_article() {
    ImportBenchmark.Result result = ImportBenchmark.synthetic(tmp, 60);

    System.out.println(result.format());
    assertEquals(60, result.articles());
    assertEquals(0, result.failed());
  }
}
