package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help, as a person reads it: complete, and printed without picocli's warnings. */
class HelpTest {

  @Test
  void everyCommandPrintsItsHelpCleanly() {
    CommandLine cli = Main.commandLine(Map.of());
    assertFalse(cli.getSubcommands().isEmpty());
    PrintStream err = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    try {
      // picocli reports a description it cannot format on System.err, and prints it raw.
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
        String usage = sub.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(usage.contains("Usage: kontekst " + sub.getKey()), usage);
        assertFalse(usage.contains("%n"), sub.getKey() + " shows an unformatted description:\n" + usage);
        if (!sub.getKey().equals("help")) {
          assertTrue(usage.contains("--help"), sub.getKey() + " takes --help, as every command does:\n" + usage);
        }
      }
    } finally {
      System.setErr(err);
    }
    assertEquals("", warnings.toString(StandardCharsets.UTF_8));
  }
}
