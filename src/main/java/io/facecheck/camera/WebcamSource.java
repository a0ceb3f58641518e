package io.facecheck.camera;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameGrabber;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A live camera, by index ({@code 0}) or device path ({@code /dev/video0}). On Linux both go through FFmpeg's
 * video4linux2 input, which does not load OpenCV's highgui (and with it GTK 2, which clashes with JavaFX's
 * GTK 3); elsewhere an index is opened through OpenCV's VideoCapture.
 */
public final class WebcamSource implements FrameSource {
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private final String spec;
    private final int index;
    private final String device;
    private final FrameToArgb converter = new FrameToArgb();
    private FrameGrabber grabber;

    private WebcamSource(String spec, int index, String device) {
        this.spec = spec;
        this.index = index;
        this.device = device;
    }

    public static WebcamSource index(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("camera index must be 0 or more, got " + index);
        }
        return new WebcamSource(Integer.toString(index), index, LINUX ? "/dev/video" + index : null);
    }

    public static WebcamSource device(String path) {
        return new WebcamSource(path, -1, path);
    }

    @Override
    public String describe() {
        return spec;
    }

    @Override
    public void open() throws CameraException {
        close();
        if (device != null && !Files.exists(Path.of(device))) {
            throw new CameraException("No camera at " + device + " (device not present)");
        }
        FrameGrabber g;
        if (device != null) {
            FFmpegFrameGrabber f = new FFmpegFrameGrabber(device);
            if (LINUX) {
                f.setFormat("video4linux2");
            }
            g = f;
        } else {
            g = new OpenCVFrameGrabber(index);
        }
        g.setTimeout(5_000);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(g);
            throw new CameraException("Cannot open camera " + spec + ": " + e.getMessage(), e);
        }
        grabber = g;
    }

    @Override
    public VideoFrame read() throws CameraException {
        if (grabber == null) {
            throw new CameraException("camera " + spec + " is not open");
        }
        try {
            // The grabbed Frame belongs to the grabber and is reused by it; released when the grabber closes.
            Frame f = grabber.grab();
            while (f != null && f.image == null) {
                f = grabber.grab();
            }
            if (f == null) {
                throw new CameraException("Camera " + spec + " stopped delivering pictures");
            }
            return converter.convert(f, spec);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new CameraException("Camera " + spec + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public double frameRate() {
        return 0;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public void close() {
        FrameGrabber g = grabber;
        grabber = null;
        if (g != null) {
            release(g);
        }
    }

    static void release(FrameGrabber g) {
        try {
            g.close();
        } catch (Exception | Error ignored) {
            // closing a half-opened or unplugged device may fail; nothing more to release
        }
    }
}
