package org.kontekst.knowledge.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * A database kind a store test runs on: the embedded H2 (in memory) or PostgreSQL (a fresh
 * database on the run's throwaway {@link PostgresServer}). Test classes take one as their
 * parameter with {@code @ParameterizedClass @ArgumentsSource(TestDatabase.Both.class)}; on a
 * machine without PostgreSQL the PostgreSQL runs are skipped, saying why.
 */
public final class TestDatabase {
  private final String name;
  private final Supplier<PostgresServer> server;

  private TestDatabase(String name, Supplier<PostgresServer> server) {
    this.name = name;
    this.server = server;
  }

  /** Both kinds: H2 and PostgreSQL, the server started once per test run and stopped after it. */
  public static final class Both implements ArgumentsProvider {
    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
      return Stream.of(Arguments.of(h2()), Arguments.of(postgresql(context)));
    }
  }

  /** PostgreSQL alone, for what only a shared database does: several instances on one database. */
  public static final class Postgresql implements ArgumentsProvider {
    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
      return Stream.of(Arguments.of(postgresql(context)));
    }
  }

  /** The embedded H2 database. */
  public static TestDatabase h2() {
    return new TestDatabase("H2", null);
  }

  /**
   * PostgreSQL: the run's server, started on first use and closed by JUnit when the run ends (it
   * lives in the root context's store).
   */
  public static TestDatabase postgresql(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    return new TestDatabase(
        "PostgreSQL",
        () -> {
          Optional<Path> bin = PostgresServer.binaries();
          Assumptions.assumeTrue(bin.isPresent(), PostgresServer.MISSING);
          return store.getOrComputeIfAbsent(
              PostgresServer.class, k -> PostgresServer.start(bin.get()), PostgresServer.class);
        });
  }

  public boolean isPostgresql() {
    return server != null;
  }

  /**
   * A new, empty, migrated database of this kind; its files (for PostgreSQL: its search index and
   * such) go under {@code dataDir}.
   */
  public StoreConfig config(Path dataDir) {
    if (server == null) {
      return new StoreConfig(dataDir, "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
    }
    PostgresServer s = server.get();
    return new StoreConfig(dataDir, s.createDatabase(), s.user(), null);
  }

  /** Opens a new, empty, migrated database of this kind. */
  public KnowledgeStore open() {
    return KnowledgeStore.open(config(Path.of("unused")));
  }

  @Override
  public String toString() {
    return name;
  }
}
