package org.kontekst.knowledge.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests and the cluster benchmark ({@code kontekst bench
 * --cluster}, which runs from the built jar): {@code initdb} into a temporary directory, {@code
 * postgres} on 127.0.0.1 at a free port with durability off (fsync, synchronous commit: a test
 * database need not survive a crash), one fresh database per {@link #createDatabase}, and
 * everything stopped and deleted on {@link #close}. As root, the server runs as the {@code
 * postgres} user through {@code runuser}, since PostgreSQL refuses to run as root.
 *
 * <p>The binaries are found through {@code pg_config --bindir}, then {@code
 * /usr/lib/postgresql/<version>/bin} (Debian's layout, newest first), then the {@code PATH};
 * {@link #binaries} is empty when none has them, and tests then skip saying so.
 */
public final class PostgresServer implements AutoCloseable {
  /** Why PostgreSQL tests skip on a machine without it. */
  public static final String MISSING =
      "PostgreSQL is not installed (no initdb and pg_ctl through pg_config --bindir, in /usr/lib/postgresql/*/bin"
          + " or on the PATH): apt-get install postgresql, as .ci/run does, to run the tests on PostgreSQL too";

  private static final String USER = "postgres";
  private static final int START_SECONDS = 60;

  private final Path bin;
  private final Path root;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;
  private final AtomicInteger databases = new AtomicInteger();
  private volatile boolean closed;

  private PostgresServer(Path bin, Path root, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.root = root;
    this.data = root.resolve("data");
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The folder with {@code initdb} and {@code pg_ctl}, if PostgreSQL is installed. */
  public static Optional<Path> binaries() {
    List<Path> candidates = new ArrayList<>();
    try {
      Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
        candidates.add(Path.of(out));
      }
    } catch (IOException e) {
      // no pg_config: look elsewhere
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions
            .filter(v -> v.getFileName().toString().matches("\\d+"))
            .sorted(Comparator.comparingInt((Path v) -> Integer.parseInt(v.getFileName().toString())).reversed())
            .forEach(v -> candidates.add(v.resolve("bin")));
      } catch (IOException e) {
        // unreadable: look elsewhere
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty()) candidates.add(Path.of(dir));
      }
    }
    return candidates.stream()
        .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
        .findFirst();
  }

  /**
   * Starts a server; throws when PostgreSQL is installed but does not start, so that a broken
   * installation fails the tests rather than skipping them.
   */
  public static PostgresServer start(Path bin) {
    boolean root = uid() == 0;
    Path dir;
    try {
      dir = Files.createTempDirectory("kontekst-pg-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for PostgreSQL", e);
    }
    PostgresServer server = new PostgresServer(bin, dir, freePort(), root);
    try {
      server.initdb();
      server.startServer();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Creates an empty database and returns its JDBC URL (user {@value #USER}, no password). */
  public String createDatabase() {
    String name = "kontekst_test_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return url(name);
  }

  /** The user tests connect as; the server trusts connections from 127.0.0.1. */
  public String user() {
    return USER;
  }

  public int port() {
    return port;
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private void initdb() {
    try {
      Files.createDirectories(data);
      if (asPostgresUser) {
        run(List.of("chown", "-R", USER + ":", root.toString()), 30);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + data, e);
    }
    run(
        asUser(
            bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync"),
        120);
  }

  private void startServer() {
    String options =
        "-c listen_addresses=127.0.0.1 -p " + port + " -k " + root + " -c fsync=off -c synchronous_commit=off"
            + " -c full_page_writes=off -c max_connections=200";
    run(
        asUser(
            bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", root.resolve("server.log").toString(),
            "-o", options, "-w", "-t", String.valueOf(START_SECONDS), "start"),
        START_SECONDS + 10);
  }

  private List<String> asUser(String... command) {
    List<String> out = new ArrayList<>();
    if (asPostgresUser) {
      out.addAll(List.of("runuser", "-u", USER, "--"));
    }
    out.addAll(List.of(command));
    return out;
  }

  private void run(List<String> command, int timeoutSeconds) {
    try {
      Path log = Files.createTempFile("kontekst-pg-cmd-", ".log");
      try {
        Process p =
            new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
          String serverLog = Files.exists(root.resolve("server.log"))
              ? "\nserver log:\n" + Files.readString(root.resolve("server.log"))
              : "";
          throw new IllegalStateException(
              String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + Files.readString(log) + serverLog);
        }
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  private static long uid() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return uid instanceof Integer i ? i : -1;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return -1;
    }
  }

  /** Stops the server at once (open connections are cut) and deletes its files. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        run(asUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), 60);
      }
    } finally {
      deleteTree(root);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
