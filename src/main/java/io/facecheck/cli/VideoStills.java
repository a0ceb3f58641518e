package io.facecheck.cli;

import io.facecheck.camera.CameraException;
import io.facecheck.camera.VideoFileSource;
import io.facecheck.camera.VideoFrame;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Enrolment photos from a video of the person: spaced frames saved as PNG, for the commands that enrol from a clip. */
final class VideoStills {
    /** One frame every this many (4 s at 25 fps): different head poses and expressions, not near-copies. */
    static final int EVERY = 100;
    static final int MAX = 8;

    private VideoStills() {
    }

    static boolean isVideo(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(mp4|m4v|mov|avi|mkv|webm)");
    }

    /** One frame every {@value #EVERY} of {@code video}, at most {@value #MAX}, as PNG files in {@code dir}. */
    static List<Path> write(Path video, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        VideoFileSource s = new VideoFileSource(video);
        try {
            s.open();
            VideoFrame f;
            for (int i = 0; out.size() < MAX && (f = s.read()) != null; i++) {
                if (i % EVERY == 0) {
                    Path png = dir.resolve(String.format(Locale.ROOT, "f%05d.png", i));
                    ImageIO.write(f.toRgbImage().toBufferedImage(), "png", png.toFile());
                    out.add(png);
                }
            }
        } catch (CameraException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        } finally {
            s.close();
        }
        return out;
    }
}
