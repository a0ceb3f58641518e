package io.facecheck.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks through every file under a folder for face data in the clear: a PNG signature or a template's bytes. */
public final class FaceDataScan {
    /** The 8-byte PNG signature. */
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private FaceDataScan() {
    }

    /** Files under {@code dir} that contain {@code needle}, as "path" strings. */
    public static List<String> filesContaining(Path dir, byte[] needle) {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (indexOf(Files.readAllBytes(f), needle) >= 0) {
                    hits.add(f.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    /** Files holding {@code vector} as float32 in either byte order (the first 16 values suffice). */
    public static List<String> filesContainingVector(Path dir, float[] vector) {
        List<String> hits = new ArrayList<>();
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            int n = Math.min(16, vector.length);
            ByteBuffer b = ByteBuffer.allocate(n * Float.BYTES).order(order);
            for (int i = 0; i < n; i++) {
                b.putFloat(vector[i]);
            }
            hits.addAll(filesContaining(dir, b.array()));
        }
        return hits;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
