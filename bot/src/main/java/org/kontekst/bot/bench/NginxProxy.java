package org.kontekst.bot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * nginx from the operating system's package as a child process in front of webhook instances on
 * loopback: a generated configuration in a directory of its own (pid file, logs and temporary
 * paths all in it), the upstream and location the project ships ({@code docker/nginx.conf})
 * without TLS, and {@code daemon off} so that {@link #close} stops it. As root its worker runs as
 * root too, since the directory belongs to root.
 */
public final class NginxProxy implements AutoCloseable {
  /** Why the proof skips on a machine without nginx. */
  public static final String MISSING =
      "nginx is not installed (not on the PATH nor in /usr/sbin): apt-get install --no-install-recommends nginx,"
          + " as .ci/run does, to run the multi-instance proof";

  private final Path dir;
  private final Process process;
  private final int port;

  private NginxProxy(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  /** The nginx binary, if installed. */
  public static Optional<Path> binary() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(java.io.File.pathSeparator)) {
        if (!d.isEmpty()) {
          candidates.add(Path.of(d, "nginx"));
        }
      }
    }
    candidates.add(Path.of("/usr/sbin/nginx"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * Starts nginx on 127.0.0.1:{@code port}, passing {@code path} to the instances listening on
   * {@code upstreams} (loopback ports), and waits until it accepts connections.
   */
  public static NginxProxy start(Path binary, Path dir, int port, String path, List<Integer> upstreams)
      throws IOException, InterruptedException {
    if (upstreams.isEmpty()) {
      throw new IllegalArgumentException("at least one upstream port is needed");
    }
    Files.createDirectories(dir);
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(conf, config(dir, port, path, upstreams, "root".equals(System.getProperty("user.name"))));
    Process process =
        new ProcessBuilder(binary.toString(), "-p", dir + "/", "-c", conf.toString(), "-e", dir.resolve("error.log").toString(), "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    NginxProxy proxy = new NginxProxy(dir, process, port);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!listening(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        proxy.close();
        throw new IllegalStateException("nginx did not start on port " + port + ":\n" + proxy.log());
      }
      Thread.sleep(50);
    }
    return proxy;
  }

  /** The configuration: one upstream, failed or refused requests passed to the next instance. */
  static String config(Path dir, int port, String path, List<Integer> upstreams, boolean asRoot) {
    String servers =
        upstreams.stream()
            .map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=2s;")
            .collect(Collectors.joining("\n"));
    return (asRoot ? "user root;\n" : "")
        + "worker_processes 1;\n"
        + "pid " + dir.resolve("nginx.pid") + ";\n"
        + "error_log " + dir.resolve("error.log") + " warn;\n"
        + "events { worker_connections 1024; }\n"
        + "http {\n"
        + "  access_log off;\n"
        + "  client_body_temp_path " + dir.resolve("client_body") + ";\n"
        + "  proxy_temp_path " + dir.resolve("proxy") + ";\n"
        + "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n"
        + "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";\n"
        + "  scgi_temp_path " + dir.resolve("scgi") + ";\n"
        + "  upstream kontekst {\n" + servers + "\n    keepalive 16;\n  }\n"
        + "  server {\n"
        + "    listen 127.0.0.1:" + port + ";\n"
        + "    location = " + path + " {\n"
        + "      client_max_body_size 1m;\n"
        + "      proxy_pass http://kontekst;\n"
        + "      proxy_http_version 1.1;\n"
        + "      proxy_set_header Connection \"\";\n"
        + "      proxy_connect_timeout 1s;\n"
        + "      proxy_read_timeout 5s;\n"
        + "      proxy_next_upstream error timeout http_502 http_503 non_idempotent;\n"
        + "      proxy_next_upstream_tries 3;\n"
        + "    }\n"
        + "    location / { return 404; }\n"
        + "  }\n"
        + "}\n";
  }

  public int port() {
    return port;
  }

  /** nginx's own output and error log, for a failure message. */
  public String log() {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("nginx.out", "error.log")) {
      Path file = dir.resolve(name);
      try {
        if (Files.exists(file)) {
          out.append(Files.readString(file, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return out.toString();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops nginx (SIGTERM: the master stops its worker), or kills it after 10 s. */
  @Override
  public void close() {
    BotProcess.stop(process, Duration.ofSeconds(10));
  }
}
