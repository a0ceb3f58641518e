package io.facecheck.camera;

import io.facecheck.face.ImageLoadException;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The image files of a folder (sub-folders included, sorted by path) played as frames, for demos and tests.
 * Decoded with the engine's {@link ImageLoader} (so a photo looks the same here as at enrollment); files that
 * cannot be decoded are skipped with a log line, not fatal.
 */
public final class ImageFolderSource implements FrameSource {
    /** Default pace: slow enough to see each photo, fast enough for the K-of-N check-in rule. */
    public static final double DEFAULT_FPS = 5;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImageFolderSource.class);

    private final Path folder;
    private final double fps;
    private final ImageLoader loader = new ImageLoader();
    private List<Path> files = List.of();
    private int next;

    public ImageFolderSource(Path folder) {
        this(folder, DEFAULT_FPS);
    }

    public ImageFolderSource(Path folder, double fps) {
        if (!(fps > 0)) {
            throw new IllegalArgumentException("frame rate must be positive, got " + fps);
        }
        this.folder = folder;
        this.fps = fps;
    }

    @Override
    public String describe() {
        return "dir:" + folder;
    }

    @Override
    public void open() throws CameraException {
        if (!Files.isDirectory(folder)) {
            throw new CameraException("Image folder not found: " + folder);
        }
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).filter(ImageFolderSource::isImage).sorted().toList();
        } catch (IOException | RuntimeException e) {
            throw new CameraException("Cannot list image folder " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new CameraException("No images (.jpg, .jpeg, .png, .bmp, .webp) in folder " + folder);
        }
        next = 0;
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".bmp") || n.endsWith(".webp");
    }

    @Override
    public VideoFrame read() throws CameraException {
        while (next < files.size()) {
            Path p = files.get(next++);
            try {
                // the engine's loader: format by content, EXIF orientation, grey/CMYK/alpha, size limits
                return VideoFrame.of(loader.load(p));
            } catch (ImageLoadException | RuntimeException e) {
                LOG.warn("{}: cannot read image, skipped: {}", p, e.getMessage());
            }
        }
        return null;
    }

    /** The images this source plays, in order (after {@link #open()}). */
    public List<Path> files() {
        return files;
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
        // nothing held between reads
    }
}
