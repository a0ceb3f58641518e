package io.facecheck.camera;

/**
 * What a {@link FrameCapture} is doing, for the screen: a status and a sentence a person can read.
 *
 * @param source  the source's spec, e.g. {@code /dev/video0}
 * @param message e.g. "No camera at /dev/video3 (device not present) — retrying in 2 s"
 */
public record CaptureState(Status status, String source, String message) {

    public enum Status {
        /** Opening the source for the first time. */
        STARTING,
        /** Frames are arriving. */
        PLAYING,
        /** The source could not be opened (missing device, file or folder); retried with backoff. */
        NO_CAMERA,
        /** The source was playing and failed (unplugged); being reopened with backoff. */
        RECONNECTING,
        /** A recorded source reached its end and looping is off. */
        ENDED,
        /** {@link FrameCapture#close()} was called. */
        STOPPED
    }
}
