package io.facecheck.face;

import io.facecheck.config.LocalizedMessage;

import java.nio.file.Path;

/**
 * An image file that cannot be used, with a one-line reason naming the file, so a batch can report it and go
 * on. Checked, because every caller that reads user files has to decide what a bad one means.
 */
public class ImageLoadException extends Exception {

    private final transient Path path;
    private final String reason;
    private final transient LocalizedMessage text;

    public ImageLoadException(Path path, String reason) {
        this(path, reason, null);
    }

    public ImageLoadException(Path path, String reason, Throwable cause) {
        this(path, reason, null, cause);
    }

    /** A reason from the message bundles: English in {@link #getMessage}, the user's language in {@link #getLocalizedMessage}. */
    public ImageLoadException(Path path, LocalizedMessage reason, Throwable cause) {
        this(path, reason.english(), reason, cause);
    }

    public ImageLoadException(Path path, LocalizedMessage reason) {
        this(path, reason, null);
    }

    private ImageLoadException(Path path, String reason, LocalizedMessage text, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
        this.text = text;
    }

    @Override
    public String getLocalizedMessage() {
        return text == null ? getMessage() : path + ": " + text.localized();
    }

    /** The file (may be a pseudo-path such as {@code <bytes>} for in-memory input). */
    public Path path() {
        return path;
    }

    /** The reason without the file name. */
    public String reason() {
        return reason;
    }
}
