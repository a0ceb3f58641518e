package io.facecheck.face;

import java.nio.file.Path;

/**
 * An image file that cannot be used, with a one-line reason naming the file, so a batch can report it and go
 * on. Checked, because every caller that reads user files has to decide what a bad one means.
 */
public class ImageLoadException extends Exception {

    private final transient Path path;
    private final String reason;

    public ImageLoadException(Path path, String reason) {
        this(path, reason, null);
    }

    public ImageLoadException(Path path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
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
