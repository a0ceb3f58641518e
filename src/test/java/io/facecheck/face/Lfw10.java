package io.facecheck.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The lfw10 fixture (10 people x 10 photos); the measures over its pairs are {@link io.facecheck.eval.Verification}'s. */
public final class Lfw10 {
    public record Photo(String person, Path file) {
    }

    public static final Path DIR = Path.of("src/test/resources/lfw10");

    private Lfw10() {
    }

    public static List<Photo> photos() throws IOException {
        List<Photo> out = new ArrayList<>();
        try (Stream<Path> people = Files.list(DIR)) {
            for (Path p : (Iterable<Path>) people.filter(Files::isDirectory).sorted()::iterator) {
                try (Stream<Path> files = Files.list(p)) {
                    files.filter(f -> f.toString().endsWith(".jpg")).sorted()
                            .forEach(f -> out.add(new Photo(p.getFileName().toString(), f)));
                }
            }
        }
        return out;
    }

    /** The detected face nearest the image centre (LFW centres the named person), or null. */
    public static DetectedFace central(List<DetectedFace> faces, RgbImage image) {
        double cx = image.width() / 2.0, cy = image.height() / 2.0;
        return faces.stream().min(Comparator.comparingDouble(f -> Math.hypot(
                f.box().x() + f.box().width() / 2 - cx, f.box().y() + f.box().height() / 2 - cy))).orElse(null);
    }
}
