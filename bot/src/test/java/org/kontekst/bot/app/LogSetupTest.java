package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LogSetupTest {

  @Test
  void logsKontekstAtTheGivenLevelAndLibrariesAtWarnToStandardError() {
    LoggerContext context = new LoggerContext();
    LogSetup.apply(context, "debug");

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertEquals(Level.WARN, root.getLevel());
    assertEquals(Level.DEBUG, context.getLogger("org.kontekst.knowledge.search.Retrieval").getEffectiveLevel());
    assertEquals(Level.WARN, context.getLogger("org.telegram.telegrambots.Something").getEffectiveLevel());
    assertEquals(Level.WARN, context.getLogger("org.h2.Driver").getEffectiveLevel());
    ConsoleAppender<?> stderr = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
    assertEquals("System.err", stderr.getTarget());
    assertTrue(stderr.isStarted());
  }

  @Test
  void takesInfoForAMissingOrUnknownLevel() {
    assertEquals(Level.INFO, LogSetup.level(null));
    assertEquals(Level.INFO, LogSetup.level(" "));
    assertEquals(Level.INFO, LogSetup.level("loud"));
    assertEquals(Level.ERROR, LogSetup.level(" error "));
  }

  @Test
  void saysSoWhenTheLevelIsNotOneAndQuietsLangChainsRetryTraces() {
    LoggerContext context = new LoggerContext();
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
        new ch.qos.logback.core.read.ListAppender<>();
    seen.setContext(context);
    seen.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(seen);
    LogSetup.apply(context, "loud");

    assertEquals(1, seen.list.size());
    assertTrue(seen.list.get(0).getFormattedMessage().contains("KONTEKST_LOG_LEVEL=loud is not a level"));
    assertEquals(Level.ERROR, context.getLogger("dev.langchain4j.internal.RetryUtils").getEffectiveLevel());
  }

  @Test
  void stepsAsideForTheTestsOwnConfigurationFile() {
    // logback-test.xml is on the test class path: the XML configurator must get its turn
    LoggerContext context = new LoggerContext();
    LogSetup setup = new LogSetup();
    setup.setContext(context);
    assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
    assertEquals(null, context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"));
  }
}
