package io.slipway.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Captures everything logged through slf4j (root logger at TRACE while open), formatted with arguments and
 * stack traces, so a test can prove a secret never reaches the log.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previous = root.getLevel();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();

    public LogCapture() {
        LoggerContext ctx = root.getLoggerContext();
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%level %logger - %msg%n%ex");
        enc.start();
        appender.setContext(ctx);
        appender.setEncoder(enc);
        appender.setOutputStream(bytes);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
    }

    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(previous);
    }
}
