package org.kontekst.knowledge.wording;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shared folder (../shared) for tests that read the eval set or the KB sample. */
final class SharedFolder {
  private SharedFolder() {}

  /** The shared folder; skips the calling test, with a message, when it is missing. */
  static Path require() {
    String property = System.getProperty("kontekst.shared");
    Path shared = property == null || property.isBlank() ? Path.of("..", "shared") : Path.of(property);
    if (!Files.isDirectory(shared)) {
      shared = Path.of("..", "..", "shared");
    }
    assumeTrue(Files.isDirectory(shared.resolve("eval")),
        "../shared is missing (looked for " + shared.toAbsolutePath().normalize()
            + "): skipping tests that need the shared eval set and KB sample");
    return shared;
  }
}
