package io.facecheck.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * The log file: besides stderr (level {@code FACECHECK_LOG}, default WARN), the program writes INFO and above to
 * {@code logs/facecheck.log} in the data folder, rotated by size ({@code facecheck.1.log} … {@code facecheck.N.log}).
 * Installed by the program's entry points only, so tests and library use write no file unless they ask.
 */
public final class LogFiles {
    /** Name of the current log file. */
    public static final String FILE_NAME = "facecheck.log";
    /** Rotate when the file reaches this size. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** How many rotated files are kept besides the current one. */
    public static final int DEFAULT_KEEP = 5;
    private static final String APPENDER = "FILE";
    private static Level levelBefore;

    private LogFiles() {
    }

    /** The log folder in a data folder. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /** Installs the rotating file in {@code folder(AppDirs.current().dataDir())} with the default sizes. */
    public static Optional<Path> installDefault() {
        return install(folder(AppDirs.current().dataDir()), DEFAULT_MAX_BYTES, DEFAULT_KEEP);
    }

    /**
     * Adds the rotating log file in {@code dir} (created owner-only when missing). Returns the file, or empty when
     * logging is not logback or the folder cannot be made (then a line on stderr says so and logging goes on).
     */
    public static synchronized Optional<Path> install(Path dir, long maxBytes, int keep) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return Optional.empty();
        }
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return Optional.of(dir.resolve(FILE_NAME));
        }
        try {
            createPrivate(dir);
        } catch (IOException | RuntimeException e) {
            System.err.println("facecheck: no log file: cannot create " + dir + ": " + e.getMessage());
            return Optional.empty();
        }
        Path file = dir.resolve(FILE_NAME);
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n");
        // names in any script, whatever the locale's character set (under LANG=C it is ASCII)
        enc.setCharset(StandardCharsets.UTF_8);
        enc.start();
        RollingFileAppender<ILoggingEvent> app = new RollingFileAppender<>();
        app.setContext(ctx);
        app.setName(APPENDER);
        app.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(ctx);
        rolling.setParent(app);
        rolling.setFileNamePattern(dir.resolve("facecheck.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(keep);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(ctx);
        trigger.setMaxFileSize(new FileSize(maxBytes));
        // check the size on every event (logback's default looks once a minute); FaceCheck logs little
        trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildByMilliseconds(0));
        trigger.start();
        app.setRollingPolicy(rolling);
        app.setTriggeringPolicy(trigger);
        app.setEncoder(enc);
        ThresholdFilter fileLevel = new ThresholdFilter();
        fileLevel.setLevel(Level.INFO.toString());
        fileLevel.start();
        app.addFilter(fileLevel);
        app.start();
        // stderr keeps its level; the root opens up to INFO for the file
        Level stderrLevel = root.getLevel() == null ? Level.WARN : root.getLevel();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> a = it.next();
            ThresholdFilter f = new ThresholdFilter();
            f.setLevel(stderrLevel.toString());
            f.start();
            a.addFilter(f);
        }
        levelBefore = root.getLevel();
        if (!root.isEnabledFor(Level.INFO)) {
            root.setLevel(Level.INFO);
        }
        root.addAppender(app);
        return Optional.of(file);
    }

    /** Removes the log file appender again (tests). */
    public static synchronized void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            Appender<ILoggingEvent> a = root.getAppender(APPENDER);
            if (a != null) {
                root.detachAppender(a);
                a.stop();
                root.setLevel(levelBefore);
            }
        }
    }

    private static void createPrivate(Path dir) throws IOException {
        PrivateFiles.createDirectories(dir);
    }
}
