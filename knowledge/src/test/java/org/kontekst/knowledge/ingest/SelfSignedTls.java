package org.kontekst.knowledge.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * A self-signed certificate for a test server, made by the JDK's own {@code keytool} (the JDK has
 * no public API that signs a certificate): the server's context holds the key, the client's trusts
 * that one certificate and nothing else.
 */
final class SelfSignedTls {
  private static final char[] PASSWORD = "test-only".toCharArray();

  final SSLContext server;
  final SSLContext client;

  private SelfSignedTls(SSLContext server, SSLContext client) {
    this.server = server;
    this.client = client;
  }

  /**
   * A key pair and certificate whose subject alternative names are {@code names} ("dns:news.test",
   * "ip:127.0.0.1"); skips the test, saying why, when this Java has no keytool.
   */
  static SelfSignedTls create(Path dir, List<String> names) throws IOException, GeneralSecurityException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Assumptions.assumeTrue(Files.isExecutable(keytool), "no keytool in " + keytool.getParent() + ": cannot make a test certificate");
    Path store = dir.resolve("server.p12");
    Process p =
        new ProcessBuilder(
                keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=kontekst test", "-ext", "SAN=" + String.join(",", names), "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);

    Certificate certificate = keys.getCertificate("server");
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("server", certificate);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, tmf.getTrustManagers(), null);
    return new SelfSignedTls(server, client);
  }
}
