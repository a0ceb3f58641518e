package io.facecheck.eval;

/** A pairs CSV or evaluation folder that cannot be used; the message names the file and line. */
public class PairsFileException extends Exception {
    public PairsFileException(String message) {
        super(message);
    }

    public PairsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
