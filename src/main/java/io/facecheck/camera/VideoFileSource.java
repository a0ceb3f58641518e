package io.facecheck.camera;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.file.Files;
import java.nio.file.Path;

/** A video file (anything FFmpeg decodes) played at its own frame rate. */
public final class VideoFileSource implements FrameSource {
    private static final double FALLBACK_FPS = 25;

    static {
        // FFmpeg prints every stream header to stderr at INFO; keep the console for real problems.
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
    }

    private final Path file;
    private final FrameToArgb converter = new FrameToArgb();
    private FFmpegFrameGrabber grabber;
    private double fps = FALLBACK_FPS;

    public VideoFileSource(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return "file:" + file;
    }

    @Override
    public void open() throws CameraException {
        close();
        if (!Files.isRegularFile(file)) {
            throw new CameraException("Video file not found: " + file);
        }
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            WebcamSource.release(g);
            throw new CameraException("Cannot play video " + file + ": " + e.getMessage(), e);
        }
        if (g.getImageWidth() <= 0) {
            WebcamSource.release(g);
            throw new CameraException("No video stream in " + file);
        }
        double r = g.getFrameRate();
        fps = r > 0 && r < 240 ? r : FALLBACK_FPS;
        grabber = g;
    }

    @Override
    public VideoFrame read() throws CameraException {
        if (grabber == null) {
            throw new CameraException("video " + file + " is not open");
        }
        try {
            Frame f = grabber.grabImage(); // owned and reused by the grabber
            return f == null ? null : converter.convert(f, describe());
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new CameraException("Cannot decode video " + file + ": " + e.getMessage(), e);
        }
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
        FFmpegFrameGrabber g = grabber;
        grabber = null;
        if (g != null) {
            WebcamSource.release(g);
        }
    }
}
