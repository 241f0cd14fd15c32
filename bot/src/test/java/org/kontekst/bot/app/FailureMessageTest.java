package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontekst.knowledge.store.StoreException;
import picocli.CommandLine;

/** A database or file that cannot be used is told in a line of reasons, not a stack trace. */
class FailureMessageTest {

  @Test
  void anUnreachableDatabaseIsOneLineOfReasonsWithoutAStackTrace(@TempDir Path data) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    int code;
    try {
      System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
      CommandLine cli = Main.commandLine(Map.of());
      cli.setOut(new PrintWriter(new StringWriter()));
      cli.setErr(new PrintWriter(err, true));
      // Port 1 on loopback: refused at once.
      code = cli.execute("sources", "list", "--data", data.toString(), "--db-url", "jdbc:postgresql://127.0.0.1:1/kb");
    } finally {
      System.setErr(stderr);
    }
    String all = err + logged.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, all);
    assertTrue(err.toString().contains("cannot connect to the database"), all);
    assertTrue(err.toString().contains("KONTEKST_LOG_LEVEL=debug"), all);
    assertFalse(all.contains("\tat "), "no stack trace:\n" + all);
  }

  @Test
  void reasonsNameEachCauseOnce() {
    Exception e = new StoreException("cannot open the database",
        new IOException("cannot open the database", new AccessDeniedException("/data/kontekst.mv.db")));
    assertEquals("cannot open the database: permission denied: /data/kontekst.mv.db", Main.reasons(e));
    IOException unanswered = new IOException("the model did not answer", new java.net.ConnectException());
    assertEquals("the model did not answer: ConnectException",
        Main.reasons(new RuntimeException(new java.io.UncheckedIOException(unanswered))));
  }
}
