package io.facecheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Listing the photos of a folder for batch commands. */
final class PhotoFiles {
    private PhotoFiles() {
    }

    /**
     * Every regular file under {@code dir} (recursively, sorted) except hidden files and known non-images;
     * the loader recognises images by content, so a WebP named {@code .jpg} still counts.
     */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw CliException.of(ExitCodes.FAILURE, "cli.photos.notFolder", dir.toAbsolutePath());
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(md|txt|csv|json)"))
                    .sorted()
                    .toList();
        }
    }
}
