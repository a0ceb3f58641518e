package io.facecheck.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Which face-data keys a backup needs, known without restoring it: {@link Backups#backup} records the key ids of
 * the snapshot in the zip file's comment ({@code facecheck face-data keys: ID ID…}), which H2's RUNSCRIPT ignores.
 * For a backup written before that, the ids are read from the sealed records in its script: every one starts
 * with the magic and the key id ({@link FaceDataCipher}), which H2 writes as a hex literal {@code X'46434501…'}.
 */
final class BackupKeyIds {
    private static final String LABEL = "facecheck face-data keys:";
    private static final int END_RECORD = 22;
    private static final byte[] END_SIGNATURE = {0x50, 0x4b, 0x05, 0x06};
    private static final Pattern SEALED = Pattern.compile("X'" + HexFormat.of().formatHex(FaceDataCipher.MAGIC)
            + "([0-9a-fA-F]{" + 2 * FaceDataCipher.KEY_ID_BYTES + "})");

    private BackupKeyIds() {
    }

    /**
     * Writes {@code ids} into the comment of the zip {@code file} (which has none: H2 writes none), forced to disk.
     * Only the end record's comment length and the comment after it change, so the entries are untouched.
     */
    static void record(Path file, Set<String> ids) throws IOException {
        byte[] comment = (LABEL + (ids.isEmpty() ? "" : " " + String.join(" ", ids))).getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer end = ByteBuffer.allocate(END_RECORD).order(ByteOrder.LITTLE_ENDIAN);
            if (size < END_RECORD || ch.read(end, size - END_RECORD) != END_RECORD
                    || !Arrays.equals(end.array(), 0, 4, END_SIGNATURE, 0, 4) || end.getShort(END_RECORD - 2) != 0) {
                throw new IOException(file + " does not end with a zip end record without comment");
            }
            ByteBuffer tail = ByteBuffer.allocate(2 + comment.length).order(ByteOrder.LITTLE_ENDIAN);
            tail.putShort((short) comment.length).put(comment).flip();
            ch.write(tail, size - 2);
            ch.force(true);
        }
    }

    /** The key ids the face data in backup {@code file} needs (none when it holds no face data). */
    static Set<String> of(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String comment = zip.getComment();
            if (comment != null && comment.startsWith(LABEL)) {
                Set<String> ids = new LinkedHashSet<>();
                for (String id : comment.substring(LABEL.length()).trim().split("\\s+")) {
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                }
                return ids;
            }
        }
        return scan(file);
    }

    private static Set<String> scan(Path file) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            if (zip.getNextEntry() == null) {
                throw new IOException(file + " holds no script");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Matcher m = SEALED.matcher(line);
                while (m.find()) {
                    ids.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return ids;
    }
}
