package org.kontekst.knowledge.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built alias table kept on disk, so that a start reads it instead of analysing some 25,000
 * forms again (about a second of CPU, the longest part of a cold start).
 *
 * <p>Derived data, like the index: an entry is used only when it was written by the same build of
 * Kontekst from the same alias text, and anything unreadable is ignored and written again.
 */
final class AliasCache {
  private static final Logger log = LoggerFactory.getLogger(AliasCache.class);
  private static final int FORMAT = 1;

  private final Path file;
  private final String build;

  /**
   * @param build what the analysis code is (a table built by other code may differ); entries of
   *     another build are not used
   */
  AliasCache(Path file, String build) {
    this.file = file;
    this.build = build;
  }

  /**
   * A cache in {@code file} for the running build, when it runs from a jar (whose size and time
   * tell one build from another); none when it runs from class folders, as in development.
   */
  static Optional<AliasCache> forThisBuild(Path file) {
    try {
      CodeSource source = AliasCache.class.getProtectionDomain().getCodeSource();
      if (source == null) return Optional.empty();
      Path jar = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(jar)) return Optional.empty();
      return Optional.of(new AliasCache(file, Files.size(jar) + "/" + Files.getLastModifiedTime(jar).toMillis()));
    } catch (IOException | URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** The table stored for {@code version} of the alias text, if there is a usable one. */
  Optional<AliasTable> read(String version) {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      if (in.readInt() != FORMAT || !in.readUTF().equals(build)) return Optional.empty();
      AliasTable table = AliasTable.read(in);
      return table.version().equals(version) ? Optional.of(table) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      log.info("ignored the alias cache {} ({}); it will be written again", file, e.toString());
      return Optional.empty();
    }
  }

  /** Stores {@code table}, replacing the file whole; a failure only costs the next start time. */
  void write(AliasTable table) {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream raw = Files.newOutputStream(temp);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
        out.writeInt(FORMAT);
        out.writeUTF(build);
        table.write(out);
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("could not write the alias cache {}: {}", file, e.toString());
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // nothing more to do: the cache is optional
      }
    }
  }
}
