package io.facecheck.app;

import io.facecheck.config.LocalizedMessage;

/**
 * A file or value given to a service that cannot be used; the message says what and where. Nothing was written.
 * Made from a {@link LocalizedMessage} ({@code app.*} keys), its message is English (logs) and
 * {@link #getLocalizedMessage} is the user's language, for the CLI's error line and the admin's status line.
 */
public class InvalidInput extends RuntimeException {
    private final transient LocalizedMessage text;

    public InvalidInput(LocalizedMessage text) {
        this(text, null);
    }

    public InvalidInput(LocalizedMessage text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    /** The message of {@code key} with {@code args}. */
    static InvalidInput of(String key, Object... args) {
        return new InvalidInput(LocalizedMessage.of(key, args));
    }

    @Override
    public String getLocalizedMessage() {
        return text.localized();
    }
}
