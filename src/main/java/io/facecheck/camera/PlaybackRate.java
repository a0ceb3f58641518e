package io.facecheck.camera;

import java.util.Objects;

/**
 * A recorded source played at another rate than its own: a soak feeds a 25-fps clip faster than real time so the
 * kiosk's inference, not the clip's clock, sets the pace. Everything but {@link #frameRate()} is the source's.
 */
public final class PlaybackRate implements FrameSource {
    private final FrameSource source;
    private final double fps;

    private PlaybackRate(FrameSource source, double fps) {
        this.source = source;
        this.fps = fps;
    }

    /**
     * @param fps pictures per second, above 0
     * @throws IllegalArgumentException for a live camera, which paces itself, or a rate not above 0
     */
    public static FrameSource of(FrameSource source, double fps) {
        Objects.requireNonNull(source, "source");
        if (source.live()) {
            throw new IllegalArgumentException(source.describe() + " is a live camera: it sets its own frame rate");
        }
        if (!(fps > 0)) {
            throw new IllegalArgumentException("frame rate must be above 0, not " + fps);
        }
        return new PlaybackRate(source, fps);
    }

    @Override
    public String describe() {
        return source.describe();
    }

    @Override
    public void open() throws CameraException {
        source.open();
    }

    @Override
    public VideoFrame read() throws CameraException {
        return source.read();
    }

    @Override
    public double frameRate() {
        return fps;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public void close() {
        source.close();
    }
}
