package io.facecheck.cli;

import io.facecheck.config.LocalizedMessage;

import java.util.function.Supplier;

/**
 * An error the CLI reports as one line with a chosen exit code. Made with {@link #of}, it is a bundle key: its
 * message stays English (logs) and {@link #getLocalizedMessage} is what the user reads on stderr.
 */
public class CliException extends RuntimeException {
    private final int exitCode;
    private final transient Supplier<String> localized;

    /** A message that is already the user's language (or one that is not language at all, such as a path). */
    public CliException(int exitCode, String message) {
        this(exitCode, message, null, null);
    }

    private CliException(int exitCode, String message, Supplier<String> localized, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.localized = localized;
    }

    /** The message of {@code key} ({@code cli.*} in the bundles) with {@code args}. */
    public static CliException of(int exitCode, String key, Object... args) {
        LocalizedMessage text = LocalizedMessage.of(key, args);
        return new CliException(exitCode, text.english(), text::localized, null);
    }

    /** {@code cause}'s message as the error, in the language it speaks ({@link Throwable#getLocalizedMessage}). */
    public static CliException of(int exitCode, Exception cause) {
        return new CliException(exitCode, cause.getMessage(), cause::getLocalizedMessage, cause);
    }

    public int exitCode() {
        return exitCode;
    }

    @Override
    public String getLocalizedMessage() {
        return localized == null ? getMessage() : localized.get();
    }
}
