package io.facecheck.store;

import io.facecheck.config.AppDirs;
import io.facecheck.config.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AES-256 key(s) that protect face data, and where they come from: a key file (by default
 * {@code facecheck.key} in the user config folder, created owner-only at first start; or {@code security.key-file})
 * or the {@code FACECHECK_KEY} environment variable (32 bytes in base64). The key never goes into the database,
 * the logs or a backup.
 * <p>
 * Key rotation keeps two files: the current key {@code facecheck.key} and, while a rotation is under way, the new
 * key {@code facecheck.key.new}. Both are loaded when present, so every record decrypts whichever key it was sealed
 * with; new records are sealed with the new key as soon as it exists. {@link FaceKeyRotation} finishes a rotation by
 * moving the new file over the old one, only after no record needs the old key any more.
 */
public final class FaceKeys {
    private static final Logger LOG = LoggerFactory.getLogger(FaceKeys.class);

    /** Environment variable holding the key in base64 (instead of a key file). */
    public static final String ENV = "FACECHECK_KEY";
    /** Name of the default key file in the user config folder. */
    public static final String FILE_NAME = "facecheck.key";
    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One key and its id (16 hex digits, see {@link FaceDataCipher}). */
    record Key(String id, byte[] bytes) {
        byte[] idBytes() {
            return java.util.HexFormat.of().parseHex(id);
        }

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final Path file;
    private final byte[] envKey;
    private volatile Key current;
    private volatile Key pending;

    private FaceKeys(Path file, byte[] envKey) {
        this.file = file == null ? null : file.toAbsolutePath();
        this.envKey = envKey;
    }

    /** Keys from a key file (created at {@link #load(boolean)} when missing and allowed). */
    public static FaceKeys file(Path keyFile) {
        return new FaceKeys(keyFile, null);
    }

    /** A key given in base64, as in {@code FACECHECK_KEY}. */
    public static FaceKeys base64(String value) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Kind.KEY, "cannot decrypt the face data: wrong or missing key ("
                    + ENV + " is not base64)");
        }
        if (k.length != KEY_BYTES) {
            throw new StoreException(StoreException.Kind.KEY, "cannot decrypt the face data: wrong or missing key ("
                    + ENV + " holds " + k.length + " bytes, a key is " + KEY_BYTES + ")");
        }
        FaceKeys keys = new FaceKeys(null, k);
        keys.current = keyOf(k);
        return keys;
    }

    /**
     * Where the key comes from: {@code configuredFile} when set ({@code security.key-file} / {@code --key-file}),
     * else {@code FACECHECK_KEY} when set, else {@code facecheck.key} in {@code configDir}.
     */
    public static FaceKeys resolve(Path configuredFile, Map<String, String> env, Path configDir) {
        if (configuredFile != null) {
            return file(configuredFile);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return base64(fromEnv);
        }
        return file(configDir.resolve(FILE_NAME));
    }

    /** The default: {@code FACECHECK_KEY}, else {@code facecheck.key} in this user's config folder. */
    public static FaceKeys defaults() {
        return configured(null);
    }

    /** {@code security.key-file} when set (may be null), else the default. */
    public static FaceKeys configured(Path keyFile) {
        return resolve(keyFile, System.getenv(), AppDirs.current().configDir());
    }

    /** A new random 256-bit key. */
    public static byte[] generate() {
        byte[] k = new byte[KEY_BYTES];
        RANDOM.nextBytes(k);
        return k;
    }

    /** The key file, or empty when the key comes from the environment. */
    public Optional<Path> keyFile() {
        return Optional.ofNullable(file);
    }

    /** Where the key comes from, for messages: the key file's path or {@code FACECHECK_KEY}. */
    public String describe() {
        return file != null ? file.toString() : ENV;
    }

    /** The file holding the new key while a rotation is under way. */
    Path pendingFile() {
        return file == null ? null : file.resolveSibling(file.getFileName() + ".new");
    }

    /**
     * Reads the key file(s). A missing key file is created (owner-only) when {@code create} is true, else it is a
     * {@link StoreException.Kind#KEY} error.
     */
    public synchronized void load(boolean create) {
        if (file == null) {
            return;
        }
        Key main = read(file);
        if (main == null) {
            if (!create) {
                throw cannotDecrypt("the key file does not exist");
            }
            byte[] k = generate();
            try {
                writeKeyFile(file, k, false);
                LOG.info("created face-data key file {}", file);
            } catch (FileAlreadyExistsException e) {
                // another process created it at the same moment: use theirs
            } catch (IOException e) {
                throw new StoreException(StoreException.Kind.KEY, "cannot create the face-data key file " + file
                        + ": " + e.getMessage(), e);
            }
            main = read(file);
        } else {
            warnIfOpen(file);
        }
        current = main;
        pending = read(pendingFile());
    }

    /** Re-reads the key files (another process may have rotated the key). */
    synchronized void reload() {
        if (file != null) {
            Key main = read(file);
            if (main != null) {
                current = main;
            }
            pending = read(pendingFile());
        }
    }

    /** The key new records are sealed with: the new key while a rotation is under way, else the current key. */
    Key writeKey() {
        reload();
        Key p = pending;
        Key k = p != null ? p : current;
        if (k == null) {
            throw cannotDecrypt("no key loaded");
        }
        return k;
    }

    /** The key with this id, re-reading the files once when it is not loaded; null when none. */
    Key find(String id) {
        Key k = match(id);
        if (k == null) {
            reload();
            k = match(id);
        }
        return k;
    }

    private Key match(String id) {
        Key c = current;
        Key p = pending;
        if (c != null && c.id().equals(id)) {
            return c;
        }
        return p != null && p.id().equals(id) ? p : null;
    }

    /** Ids of the loaded keys (the current one, and the new one during a rotation). */
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        if (current != null) {
            ids.add(current.id());
        }
        if (pending != null) {
            ids.add(pending.id());
        }
        return ids;
    }

    /** Id of the current key (null before {@link #load}). */
    public String currentId() {
        Key c = current;
        return c == null ? null : c.id();
    }

    /** Id of the new key of an unfinished rotation, or empty. */
    public Optional<String> pendingId() {
        Key p = pending;
        return p == null ? Optional.empty() : Optional.of(p.id());
    }

    /** The new key of a rotation: the one an interrupted rotation left, or a fresh one written owner-only. */
    synchronized Key pendingOrCreate() {
        if (file == null) {
            throw new StoreException(StoreException.Kind.INVALID, "the face-data key comes from " + ENV
                    + "; a rotation needs a key file (set security.key-file or --key-file)");
        }
        reload();
        if (pending == null) {
            try {
                writeKeyFile(pendingFile(), generate(), true);
            } catch (IOException e) {
                throw new StoreException(StoreException.Kind.KEY, "cannot write the new key file " + pendingFile()
                        + ": " + e.getMessage(), e);
            }
            pending = read(pendingFile());
        }
        return pending;
    }

    /** Ends a rotation: the new key file replaces the current one (atomically). */
    synchronized void finishRotation() {
        Path next = pendingFile();
        try {
            moveAtomically(next, file);
            syncDirectory(file.getParent());
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.KEY, "cannot replace the key file " + file + " by " + next
                    + ": " + e.getMessage(), e);
        }
        current = read(file);
        pending = null;
        LOG.info("face-data key rotated, now {}", current.id());
    }

    /** The error for a record that cannot be opened: exit 5 on the CLI. */
    StoreException cannotDecrypt(String detail) {
        return new StoreException(StoreException.Kind.KEY, "cannot decrypt the face data: wrong or missing key ("
                + describe() + ")" + (detail == null ? "" : ": " + detail));
    }

    /** Whether the key file is readable by its owner only (always true for a key from the environment). */
    public boolean ownerOnly() {
        if (file == null) {
            return true;
        }
        try {
            return PrivateFiles.ownerOnly(file);
        } catch (IOException e) {
            return false;
        }
    }

    private void warnIfOpen(Path f) {
        if (!ownerOnly()) {
            LOG.warn("face-data key file {} is readable by other users; run chmod 600 on it", f);
        }
    }

    private Key read(Path f) {
        if (f == null) {
            return null;
        }
        String text;
        try {
            text = Files.readString(f, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw cannotDecrypt("cannot read " + f + ": " + e.getMessage());
        }
        for (String line : text.split("\\R")) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            try {
                byte[] k = Base64.getDecoder().decode(t);
                if (k.length == KEY_BYTES) {
                    return keyOf(k);
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            break;
        }
        throw cannotDecrypt(f + " is not a FaceCheck key file (expected " + KEY_BYTES + " bytes in base64)");
    }

    static Key keyOf(byte[] k) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update("facecheck face-data key id\0".getBytes(StandardCharsets.US_ASCII));
            byte[] h = d.digest(k);
            return new Key(java.util.HexFormat.of().formatHex(Arrays.copyOf(h, FaceDataCipher.KEY_ID_BYTES)), k.clone());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a key file owner-only (0600; a folder it creates 0700): to a temporary file in the same folder, forced
     * to disk, then moved into place atomically, so a crash leaves either no file or the whole key.
     *
     * @param replace whether an existing file may be replaced; when false an existing file is kept and
     *                {@link FileAlreadyExistsException} thrown
     */
    static void writeKeyFile(Path target, byte[] key, boolean replace) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        String text = "# FaceCheck face-data key (AES-256, base64). Keep it secret and keep a copy apart from the"
                + " backups: without it the enrolled faces cannot be read.\n"
                + Base64.getEncoder().encodeToString(key) + "\n";
        Path tmp = PrivateFiles.createFile(dir, target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            if (!replace) {
                try {
                    Files.createLink(target, tmp);
                } catch (UnsupportedOperationException e) {
                    if (Files.exists(target)) {
                        throw new FileAlreadyExistsException(target.toString());
                    }
                    moveAtomically(tmp, target);
                }
            } else {
                moveAtomically(tmp, target);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory (Windows); the move itself is atomic
        }
    }
}
