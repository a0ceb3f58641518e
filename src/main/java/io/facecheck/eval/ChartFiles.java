package io.facecheck.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a chart image through a temporary file in the same folder, moved into place: never half-written. */
final class ChartFiles {
    /** Writes the image into a file it is given. */
    @FunctionalInterface
    interface Writer {
        void write(Path file) throws IOException;
    }

    private ChartFiles() {
    }

    /**
     * Writes {@code png} with {@code writer}. A chart is not private: it ends up readable by everyone like any
     * file a program saves (rw-r--r-- on POSIX), not owner-only as the temporary file it was written to.
     */
    static void writeAtomically(Path png, Writer writer) throws IOException {
        Path dir = png.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + png.getFileName(), ".tmp");
        try {
            writer.write(tmp);
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
