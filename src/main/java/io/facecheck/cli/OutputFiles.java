package io.facecheck.cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The files commands write ({@code --out}, {@code --roc}, {@code --plot}), checked before any work is done so that
 * a wrong path is one line naming it, not a stack trace after a long run. Folders are never created: a mistyped
 * folder would otherwise silently receive the file.
 */
final class OutputFiles {
    /** The name that means stdout where a command allows it. */
    static final String STDOUT = "-";

    private OutputFiles() {
    }

    static boolean isStdout(Path out) {
        return out.toString().equals(STDOUT);
    }

    /** {@code out} as an absolute path, when it can be a file to write: its folder exists and it is no folder itself. */
    static Path check(String option, Path out) {
        Path file = out.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw CliException.of(ExitCodes.FAILURE, "cli.out.isFolder", option, file);
        }
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            throw CliException.of(ExitCodes.FAILURE, "cli.out.noFolder", option, file, dir);
        }
        if (!Files.isWritable(dir)) {
            throw CliException.of(ExitCodes.FAILURE, "cli.out.folderNotWritable", option, file, dir);
        }
        return file;
    }

    /**
     * The ImageIO format a file's name asks for ({@code png}, or {@code jpeg} for .jpg/.jpeg), with the file checked
     * as by {@link #check}; another ending is a usage error, so that the bytes always match the name.
     */
    static String imageFormat(String option, Path out) {
        check(option, out);
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".png") ? "png"
                : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpeg" : null;
        if (format == null) {
            throw CliException.of(ExitCodes.USAGE, "cli.out.imageName", option, out);
        }
        return format;
    }

    /** As {@link #imageFormat} for a writer that makes PNG only (the charts). */
    static void requirePng(String option, Path out) {
        if (!imageFormat(option, out).equals("png")) {
            throw CliException.of(ExitCodes.USAGE, "cli.out.pngOnly", option, out);
        }
    }

    /**
     * Writes {@code image} in the format {@code out}'s name says, through a temporary file in the same folder moved
     * into place, so a failed write never leaves a half-written image under the final name. The image keeps the
     * temporary file's owner-only permissions: it shows a face.
     */
    static void writeImage(String option, BufferedImage image, Path out) {
        String format = imageFormat(option, out);
        Path file = out.toAbsolutePath();
        // JPEG has no alpha channel: ImageIO silently writes nothing for an ARGB image
        BufferedImage pixels = format.equals("jpeg") && image.getColorModel().hasAlpha() ? opaque(image) : image;
        Path tmp = null;
        try {
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                if (!ImageIO.write(pixels, format, os)) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.out.noWriter", file, format);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.out.cannotWrite", file, e.getMessage());
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        return rgb;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray temporary file is all that is left; the error that matters was reported
            }
        }
    }
}
