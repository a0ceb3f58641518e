package io.facecheck.models;

import io.facecheck.config.LocalizedMessage;

/**
 * A model that cannot be found, read or run; the message says which file and how to regenerate it. The common
 * cases carry their bundle key, so that the command line says them in the user's language
 * ({@link #getLocalizedMessage}) while the logs keep the English.
 */
public class ModelException extends RuntimeException {
    private final transient LocalizedMessage text;

    public ModelException(String message) {
        this(message, (Throwable) null);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
        this.text = null;
    }

    public ModelException(LocalizedMessage text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    public ModelException(LocalizedMessage text) {
        this(text, null);
    }

    @Override
    public String getLocalizedMessage() {
        return text == null ? getMessage() : text.localized();
    }
}
