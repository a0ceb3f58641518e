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
            throw new CliException(ExitCodes.FAILURE, option + " " + file + " is a folder; give a file name in it");
        }
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.FAILURE, option + " " + file + ": the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new CliException(ExitCodes.FAILURE, option + " " + file + ": the folder " + dir + " is not writable");
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
            throw new CliException(ExitCodes.USAGE, option + " " + out + ": the name must end in .png, .jpg or .jpeg "
                    + "(it sets the image format)");
        }
        return format;
    }

    /** As {@link #imageFormat} for a writer that makes PNG only (the charts). */
    static void requirePng(String option, Path out) {
        if (!imageFormat(option, out).equals("png")) {
            throw new CliException(ExitCodes.USAGE, option + " " + out + ": this image is written as PNG; name it .png");
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
                    throw new CliException(ExitCodes.FAILURE, "cannot write " + file + ": no " + format + " writer");
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot write " + file + ": " + e.getMessage());
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
