package io.facecheck.models;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the shipped models that a test may damage, as a disk error or a bad download would. */
public final class ModelCopies {
    private ModelCopies() {
    }

    /** Copies the named model folders from {@code models/} into {@code to}; returns {@code to}. */
    public static Path copy(Path to, String... names) throws IOException {
        for (String name : names) {
            Path from = Path.of("models", name);
            try (Stream<Path> s = Files.walk(from)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path t = to.resolve(name).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
        }
        return to;
    }

    /** Overwrites four bytes at offset 1000 with "XXXX" (issue 17's reproduction): same size, different content. */
    public static void damage(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(1000);
            f.write("XXXX".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
