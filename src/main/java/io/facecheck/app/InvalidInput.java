package io.facecheck.app;

/** A file or value given to a service that cannot be used; the message says what and where. Nothing was written. */
public class InvalidInput extends RuntimeException {
    public InvalidInput(String message) {
        super(message);
    }

    public InvalidInput(String message, Throwable cause) {
        super(message, cause);
    }
}
