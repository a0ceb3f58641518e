package io.facecheck.camera;

/**
 * Where pictures come from: a webcam, a video file or a folder of images. Not thread-safe: one
 * {@link FrameCapture} thread opens, reads and closes it. {@link #close()} may be followed by {@link #open()}
 * again (that is how an unplugged camera is retried).
 */
public interface FrameSource extends AutoCloseable {

    /** The spec this source was made from, e.g. {@code /dev/video0} or {@code dir:/photos}, for messages. */
    String describe();

    /** Opens the device or file; throws with a clear message when it is missing or unreadable. */
    void open() throws CameraException;

    /**
     * Blocks until the next picture is available and returns a copy of it (sequence not yet set), or
     * {@code null} when a finite source (file, folder) has no more pictures.
     */
    VideoFrame read() throws CameraException;

    /**
     * Pictures per second at which a recorded source should be played, or 0 for a live camera, which paces
     * itself.
     */
    double frameRate();

    /** True for a camera: it never ends and a read failure means "unplugged, retry". */
    boolean live();

    /** Releases the device or file; never throws. */
    @Override
    void close();
}
