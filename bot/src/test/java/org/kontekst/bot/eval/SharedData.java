package org.kontekst.bot.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared datasets folder (../shared) for tests that measure quality on it. */
final class SharedData {
  private SharedData() {}

  /** The shared folder; skips the calling test, with a message, when it is missing. */
  static Path require() {
    String property = System.getProperty("kontekst.shared");
    Path shared = property == null || property.isBlank() ? Path.of("..", "..", "shared") : Path.of(property);
    assumeTrue(Files.isDirectory(shared.resolve("eval")) && Files.isDirectory(shared.resolve("kb-sample")),
        "../shared is missing (looked for " + shared.toAbsolutePath().normalize()
            + "): skipping the quality bars, which need the shared eval set, KB sample and CLEF data");
    return shared;
  }
}
