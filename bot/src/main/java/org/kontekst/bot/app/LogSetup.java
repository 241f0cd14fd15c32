package org.kontekst.bot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logging set up in code: everything to stderr (stdout carries the JSON of {@code check} and
 * {@code eval}), Kontekst at {@code KONTEKST_LOG_LEVEL} (default INFO), libraries at WARN.
 *
 * <p>Logback's XML configurator loads about 600 classes and took 0.3 s of every start, on the
 * path to a one-off check's answer. A file named by {@code -Dlogback.configurationFile}, or a
 * {@code logback-test.xml} on the class path (the tests'), still wins: this configurator then
 * steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String LEVEL_VARIABLE = "KONTEKST_LOG_LEVEL";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context, System.getenv(LEVEL_VARIABLE));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets up {@code context}: stderr, Kontekst at {@code kontekstLevel}, the rest at WARN. */
  static void apply(LoggerContext context, String kontekstLevel) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    context.getLogger("org.kontekst").setLevel(level(kontekstLevel));
    context.getLogger("org.telegram").setLevel(Level.WARN);
    // LangChain4j logs every retry of a model call as a warning with a full stack trace; the call's
    // final failure is told by the code that made it.
    context.getLogger("dev.langchain4j.internal.RetryUtils").setLevel(Level.ERROR);
    if (kontekstLevel != null && !kontekstLevel.isBlank() && Level.toLevel(kontekstLevel.trim(), null) == null) {
      context.getLogger(LogSetup.class).warn(
          "{}={} is not a level (ERROR, WARN, INFO, DEBUG, TRACE): logging at INFO", LEVEL_VARIABLE, kontekstLevel);
    }
  }

  /** The named level, or INFO when the name is missing or not a level. */
  static Level level(String name) {
    return name == null || name.isBlank() ? Level.INFO : Level.toLevel(name.trim(), Level.INFO);
  }
}
