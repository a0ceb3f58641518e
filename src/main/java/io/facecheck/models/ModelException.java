package io.facecheck.models;

/** A model that cannot be found, read or run; the message says which file and how to regenerate it. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
