package io.facecheck.camera;

/** A frame source could not be opened or read; the message says which source and why. */
public class CameraException extends Exception {
    public CameraException(String message) {
        super(message);
    }

    public CameraException(String message, Throwable cause) {
        super(message, cause);
    }
}
