package io.facecheck.face;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The image formats FaceCheck reads, told apart by their first bytes: file names lie (WebP files saved as
 * {@code .jpg} are common), magic numbers do not.
 */
public enum ImageFormat {
    JPEG("jpeg"), PNG("png"), BMP("bmp"), WEBP("webp");

    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The ImageIO format name whose readers decode this format. */
    public String imageIoName() {
        return imageIoName;
    }

    /** Bytes needed by {@link #sniff(byte[])}. */
    public static final int SNIFF_BYTES = 12;

    /** The format whose signature starts {@code head}, if any. */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        // "BM" alone is weak (text can start so); the DIB header size at offset 14 is 12, 40, 52, 56, 64, 108 or 124.
        if (startsWith(head, 0, 'B', 'M')) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    /** The format of the file's content, if it is one of ours. */
    public static Optional<ImageFormat> sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sniff(in.readNBytes(SNIFF_BYTES));
        }
    }

    /** A human name for a few formats we do not read, for clearer refusals. */
    static Optional<String> knownOther(byte[] head) {
        if (startsWith(head, 0, 'G', 'I', 'F', '8')) {
            return Optional.of("GIF");
        }
        if (startsWith(head, 0, 'I', 'I', 42, 0) || startsWith(head, 0, 'M', 'M', 0, 42)) {
            return Optional.of("TIFF");
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
            return Optional.of("HEIC/AVIF or video");
        }
        if (startsWith(head, 0, '%', 'P', 'D', 'F')) {
            return Optional.of("PDF");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int offset, int... sig) {
        if (head.length < offset + sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((head[offset + i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }
}
