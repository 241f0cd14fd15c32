package org.kontekst.knowledge.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches one web page safely for {@code /add URL}: http and https only, no user info in the URL,
 * the host resolved here and every address checked against an {@link AddressPolicy} before the
 * socket connects to that very address (so a second DNS answer cannot slip in a private one),
 * redirects followed by hand and checked the same way, HTML only, and {@link FetchLimits} on time
 * and size. HTTP/1.1 with {@code Connection: close}; chunked and gzip bodies are read within the
 * size limit.
 *
 * <p>Thread-safe; holds no connection between calls.
 */
public final class PageFetcher {
  private static final int MAX_HEADER_BYTES = 32 * 1024;
  private static final String USER_AGENT = "KontekstBot/0.1 (fact-check knowledge base; curator request)";

  /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} in production. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final AddressPolicy policy;
  private final Resolver resolver;
  private final FetchLimits limits;
  private final SSLSocketFactory tls;

  public PageFetcher(AddressPolicy policy, Resolver resolver, FetchLimits limits, SSLSocketFactory tls) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.tls = Objects.requireNonNull(tls, "tls");
  }

  /** The production fetcher: public addresses only, system DNS, default limits and trust store. */
  public static PageFetcher standard() {
    return new PageFetcher(
        AddressPolicy.publicOnly(), InetAddress::getAllByName, FetchLimits.DEFAULT,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /** Fetches {@code url}, following at most {@link FetchLimits#maxRedirects()} redirects. */
  public FetchedPage fetch(String url) throws FetchException {
    Objects.requireNonNull(url, "url");
    long deadline = System.nanoTime() + limits.total().toNanos();
    URI current = parse(url.strip());
    for (int redirects = 0; ; redirects++) {
      Response response = request(current, deadline);
      if (response.isRedirect()) {
        if (redirects >= limits.maxRedirects()) {
          throw new FetchException(
              FetchException.Reason.REDIRECTS, String.valueOf(limits.maxRedirects()),
              "more than " + limits.maxRedirects() + " redirects");
        }
        String location = response.headers().get("location");
        if (location == null || location.isBlank()) {
          throw new FetchException(FetchException.Reason.REDIRECTS, "", "a redirect without a Location header");
        }
        try {
          current = parse(current.resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
          throw new FetchException(FetchException.Reason.REDIRECTS, abbreviate(location), "a redirect to a bad URL: " + abbreviate(location));
        }
        continue;
      }
      if (response.status() != 200) {
        throw new FetchException(
            FetchException.Reason.HTTP_STATUS, String.valueOf(response.status()),
            "the server answered " + response.status());
      }
      return new FetchedPage(current, response.body(), response.charset());
    }
  }

  /**
   * Checks without touching the network that {@code url} is a link {@link #fetch} would try: http or
   * https, a host, no user name or password. The address checks come with the fetch.
   */
  public static void checkLink(String url) throws FetchException {
    parse(Objects.requireNonNull(url, "url").strip());
  }

  /** A URL checked for what may be fetched: scheme, host, no user info. */
  static URI parse(String url) throws FetchException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new FetchException(FetchException.Reason.BAD_URL, abbreviate(url), "not a URL: " + abbreviate(url));
    }
    if (uri.getScheme() == null) {
      throw new FetchException(FetchException.Reason.BAD_URL, abbreviate(url), "not a full link (no http:// or https://): " + abbreviate(url));
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(FetchException.Reason.SCHEME, scheme, "only http and https links can be fetched, not '" + abbreviate(scheme) + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new FetchException(FetchException.Reason.BAD_URL, abbreviate(url), "a link with a user name or password is not fetched");
    }
    String host = uri.getHost();
    if (host == null && uri.getRawAuthority() != null) {
      // Non-ASCII host names ("приклад.укр") are legal in links but not in java.net.URI hosts.
      String authority = uri.getRawAuthority();
      int colon = authority.lastIndexOf(':');
      String name = colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
      try {
        String ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        uri = new URI(scheme, null, ascii, uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
        host = uri.getHost();
      } catch (IllegalArgumentException | URISyntaxException e) {
        host = null;
      }
    }
    if (host == null || host.isBlank()) {
      throw new FetchException(FetchException.Reason.BAD_URL, abbreviate(url), "the link has no host name: " + abbreviate(url));
    }
    return uri;
  }

  private Response request(URI uri, long deadline) throws FetchException {
    String host = uri.getHost();
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(bare);
    } catch (UnknownHostException e) {
      throw new FetchException(FetchException.Reason.UNKNOWN_HOST, host, "the host " + host + " is not known");
    }
    if (addresses == null || addresses.length == 0) {
      throw new FetchException(FetchException.Reason.UNKNOWN_HOST, host, "the host " + host + " is not known");
    }
    // Every answer must be allowed: a name that resolves to a public and a private address is a trick.
    for (InetAddress a : addresses) {
      if (!policy.allows(a)) {
        throw new FetchException(
            FetchException.Reason.BLOCKED_ADDRESS, host,
            host + " resolves to " + a.getHostAddress() + ", a private or local address, which is not fetched");
      }
    }
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, port), timeout(limits.connectTimeout().toMillis(), deadline));
      } catch (SocketTimeoutException e) {
        close(socket);
        last = e;
        continue;
      } catch (IOException e) {
        close(socket);
        last = e;
        continue;
      }
      try (Socket open = https ? secure(socket, bare, port, deadline) : socket) {
        return exchange(open, uri, host, port, https, deadline);
      } catch (FetchException e) {
        close(socket); // also when the deadline passed before the handshake began
        throw e;
      } catch (SocketTimeoutException e) {
        close(socket);
        throw new FetchException(FetchException.Reason.TIMEOUT, host, host + " is too slow to answer");
      } catch (SSLException e) {
        close(socket);
        throw new FetchException(FetchException.Reason.TLS, host, "the secure connection to " + host + " failed: " + e.getMessage());
      } catch (IOException e) {
        close(socket);
        throw new FetchException(FetchException.Reason.CONNECT_FAILED, host, "the connection to " + host + " broke: " + e.getMessage());
      }
    }
    if (last instanceof SocketTimeoutException) {
      throw new FetchException(FetchException.Reason.TIMEOUT, host, "cannot connect to " + host + " in time");
    }
    throw new FetchException(
        FetchException.Reason.CONNECT_FAILED, host,
        "cannot connect to " + host + (last == null ? "" : ": " + last.getMessage()));
  }

  private SSLSocket secure(Socket socket, String host, int port, long deadline) throws IOException, FetchException {
    // The handshake reads from the server too: without a timeout a server that accepts and stays
    // silent would hold the thread for ever.
    socket.setSoTimeout(timeout(limits.readTimeout().toMillis(), deadline));
    SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!host.contains(":") && !host.matches("[0-9.]+")) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    return ssl;
  }

  private Response exchange(Socket socket, URI uri, String host, int port, boolean https, long deadline)
      throws IOException, FetchException {
    socket.setSoTimeout(timeout(limits.readTimeout().toMillis(), deadline));
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    boolean defaultPort = uri.getPort() < 0 || port == (https ? 443 : 80);
    String request = "GET " + target + " HTTP/1.1\r\n"
        + "Host: " + host + (defaultPort ? "" : ":" + port) + "\r\n"
        + "User-Agent: " + USER_AGENT + "\r\n"
        + "Accept: text/html,application/xhtml+xml;q=0.9\r\n"
        + "Accept-Encoding: gzip, identity\r\n"
        + "Connection: close\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = new DeadlineInputStream(socket, socket.getInputStream(), limits.readTimeout().toMillis(), deadline);
    String statusLine = readLine(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
      throw new FetchException(FetchException.Reason.BAD_RESPONSE, host, host + " did not answer in HTTP");
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    int headerBytes = statusLine.length();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      headerBytes += line.length() + 2;
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new FetchException(FetchException.Reason.BAD_RESPONSE, host, "the headers from " + host + " are too long");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
      }
    }
    if (status >= 300 && status < 400 && status != 304) {
      return new Response(status, headers, new byte[0], "");
    }
    if (status != 200) {
      return new Response(status, headers, new byte[0], "");
    }
    String type = headers.getOrDefault("content-type", "");
    String mime = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mime.equals("text/html") && !mime.equals("application/xhtml+xml")) {
      throw new FetchException(
          FetchException.Reason.NOT_HTML, mime.isEmpty() ? "?" : abbreviate(mime),
          "not a web page but " + (mime.isEmpty() ? "content of no stated type" : abbreviate(mime)));
    }
    String length = headers.get("content-length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limits.maxBytes()) {
      throw tooBig();
    }
    InputStream body = in;
    if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
      body = new ChunkedInputStream(in);
    } else if (length != null && length.matches("\\d{1,18}")) {
      body = new BoundedInputStream(in, Long.parseLong(length));
    }
    if (headers.getOrDefault("content-encoding", "").toLowerCase(Locale.ROOT).contains("gzip")) {
      body = new GZIPInputStream(body);
    }
    return new Response(status, headers, readCapped(body), charsetOf(type));
  }

  private byte[] readCapped(InputStream in) throws IOException, FetchException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > limits.maxBytes()) {
        throw tooBig();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private FetchException tooBig() {
    long mb = limits.maxBytes() >> 20;
    String shown = mb > 0 ? mb + " MB" : (limits.maxBytes() >> 10) + " KB";
    return new FetchException(FetchException.Reason.TOO_BIG, shown, "the page is larger than " + shown);
  }

  private static String charsetOf(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = p.substring(8).replace("\"", "").strip();
        try {
          return java.nio.charset.Charset.isSupported(name) ? name : "";
        } catch (IllegalArgumentException e) {
          return "";
        }
      }
    }
    return "";
  }

  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        if (line.size() == 0) {
          throw new IOException("the connection closed early");
        }
        break;
      }
      if (line.size() > MAX_HEADER_BYTES) {
        throw new IOException("a header line is too long");
      }
      line.write(c);
    }
    String s = line.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static int timeout(long millis, long deadline) throws FetchException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new FetchException(FetchException.Reason.TIMEOUT, "", "the page took too long");
    }
    return (int) Math.max(1, Math.min(millis, left));
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing was sent on it; the next address is tried
    }
  }

  static String abbreviate(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
  }

  private record Response(int status, Map<String, String> headers, byte[] body, String charset) {
    boolean isRedirect() {
      return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
  }

  /** Reads the socket with the read timeout shortened to what is left before the deadline. */
  private static final class DeadlineInputStream extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long readMillis;
    private final long deadline;

    DeadlineInputStream(Socket socket, InputStream in, long readMillis, long deadline) {
      this.socket = socket;
      this.in = in;
      this.readMillis = readMillis;
      this.deadline = deadline;
    }

    private void arm() throws IOException {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new SocketTimeoutException("deadline passed");
      }
      socket.setSoTimeout((int) Math.max(1, Math.min(readMillis, left)));
    }

    @Override
    public int read() throws IOException {
      arm();
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      arm();
      return in.read(b, off, len);
    }
  }

  /** At most {@code remaining} bytes: the Content-Length. */
  private static final class BoundedInputStream extends InputStream {
    private final InputStream in;
    private long remaining;

    BoundedInputStream(InputStream in, long remaining) {
      this.in = in;
      this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) return -1;
      int c = in.read();
      if (c >= 0) remaining--;
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) return -1;
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) remaining -= n;
      return n;
    }
  }

  /** The body of a {@code Transfer-Encoding: chunked} response, without trailers. */
  private static final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    ChunkedInputStream(InputStream in) {
      this.in = in;
    }

    private boolean next() throws IOException {
      if (done) return false;
      if (left == 0) {
        String size = readLine(in).split(";", 2)[0].strip();
        if (!size.matches("[0-9a-fA-F]{1,15}")) {
          throw new IOException("bad chunk size");
        }
        left = Long.parseLong(size, 16);
        if (left == 0) {
          done = true;
          return false;
        }
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!next()) return -1;
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) throw new IOException("the connection closed inside a chunk");
      left -= n;
      if (left == 0) {
        readLine(in); // the CRLF after the chunk
      }
      return n;
    }
  }
}
