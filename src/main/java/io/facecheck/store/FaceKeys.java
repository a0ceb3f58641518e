package io.facecheck.store;

import io.facecheck.config.LocalizedMessage;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AES-256 keys that protect face data, and where they come from: a key file (by default
 * {@code facecheck.key} in the user config folder, created owner-only at first start; or {@code security.key-file})
 * or the {@code FACECHECK_KEY} environment variable (32 bytes in base64: one active key). The keys never go into
 * the database, the logs or a backup.
 * <p>
 * The key file is a {@link KeyRing}: the active key, which seals new records, and the keys a rotation retired, which
 * only open records (from backups made before the rotation) until {@link #dropRetired} removes them. A key file of
 * one base64 line (FaceCheck before keyrings) reads as a keyring of one active key.
 * <p>
 * Key rotation keeps two files: the keyring {@code facecheck.key} and, while a rotation is under way, the new key
 * {@code facecheck.key.new}. Both are loaded when present, so every record decrypts whichever key it was sealed
 * with; new records are sealed with the new key as soon as it exists. {@link FaceKeyRotation} finishes a rotation by
 * writing the keyring with the new key active and the old one retired, only after no record needs the old key any
 * more, and then deleting the {@code .new} file.
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

    /** A key as {@code keys list} shows it: id, state (active, retired, or pending during a rotation), date. */
    public record Listed(String id, String state, Instant since) {
    }

    private final Path file;
    private final byte[] envKey;
    private volatile KeyRing ring;
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
        keys.ring = KeyRing.of(keyOf(k), null);
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
        KeyRing main = read(file);
        if (main == null) {
            if (!create) {
                throw cannotDecrypt("the key file does not exist");
            }
            try {
                writeKeyFile(file, KeyRing.of(keyOf(generate()), now()), false);
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
        ring = main;
        pending = readPending(main);
    }

    /** Re-reads the key files (another process may have rotated the key). */
    synchronized void reload() {
        if (file != null) {
            KeyRing main = read(file);
            if (main != null) {
                ring = main;
            }
            pending = readPending(ring);
        }
    }

    /**
     * The new key of an unfinished rotation, or null. A {@code .new} file whose key is already active is what a
     * finished rotation left when it stopped before deleting it: deleted now.
     */
    private Key readPending(KeyRing main) {
        KeyRing next = read(pendingFile());
        if (next == null) {
            return null;
        }
        Key k = next.active().key();
        if (main != null && main.active().key().id().equals(k.id())) {
            try {
                Files.deleteIfExists(pendingFile());
            } catch (IOException e) {
                LOG.warn("cannot delete {}: {}", pendingFile(), e.getMessage());
            }
            return null;
        }
        return k;
    }

    /** The key new records are sealed with: the new key while a rotation is under way, else the active key. */
    Key writeKey() {
        reload();
        Key p = pending;
        KeyRing r = ring;
        Key k = p != null ? p : r == null ? null : r.active().key();
        if (k == null) {
            throw cannotDecrypt("no key loaded");
        }
        return k;
    }

    /** The key with this id (active, retired or pending), re-reading the files once when it is not loaded; null when none. */
    Key find(String id) {
        Key k = match(id);
        if (k == null) {
            reload();
            k = match(id);
        }
        return k;
    }

    private Key match(String id) {
        KeyRing r = ring;
        Key p = pending;
        Key k = r == null ? null : r.find(id);
        if (k != null) {
            return k;
        }
        return p != null && p.id().equals(id) ? p : null;
    }

    /** Ids of the loaded keys: the active one, the retired ones, and the new one during a rotation. */
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        list().forEach(k -> ids.add(k.id()));
        return ids;
    }

    /** Whether a record sealed under key {@code id} can be opened (the key is active, retired or pending). */
    public boolean has(String id) {
        return find(id) != null;
    }

    /** The loaded keys (never their bytes): the active one first, the retired ones, then a pending one. */
    public List<Listed> list() {
        List<Listed> out = new ArrayList<>();
        KeyRing r = ring;
        if (r != null) {
            for (KeyRing.Entry e : r.entries()) {
                out.add(new Listed(e.key().id(), e.state() == KeyRing.State.ACTIVE ? "active" : "retired", e.since()));
            }
        }
        Key p = pending;
        if (p != null) {
            out.add(new Listed(p.id(), "pending", null));
        }
        return out;
    }

    /** Id of the active key (null before {@link #load}). */
    public String currentId() {
        KeyRing r = ring;
        return r == null ? null : r.active().key().id();
    }

    /** Id of the new key of an unfinished rotation, or empty. */
    public Optional<String> pendingId() {
        Key p = pending;
        return p == null ? Optional.empty() : Optional.of(p.id());
    }

    /** The new key of a rotation: the one an interrupted rotation left, or a fresh one written owner-only. */
    synchronized Key pendingOrCreate() {
        requireKeyFile("a rotation");
        reload();
        if (pending == null) {
            try {
                writeKeyFile(pendingFile(), KeyRing.of(keyOf(generate()), null), true);
            } catch (IOException e) {
                throw new StoreException(StoreException.Kind.KEY, "cannot write the new key file " + pendingFile()
                        + ": " + e.getMessage(), e);
            }
            pending = readPending(ring);
        }
        return pending;
    }

    /**
     * Ends a rotation: the keyring is written again (atomically) with the new key active and the old one retired,
     * then the new key's file is deleted. A crash between the two leaves a {@code .new} file whose key is already
     * active, which the next {@link #reload} deletes.
     */
    synchronized void finishRotation() {
        Key next = pending;
        KeyRing main = read(file);
        try {
            if (!main.active().key().id().equals(next.id())) {
                writeKeyFile(file, main.rotatedTo(next, now()), true);
            }
            Files.deleteIfExists(pendingFile());
            syncDirectory(file.getParent());
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.KEY, "cannot write the keyring " + file + " with the new key "
                    + "from " + pendingFile() + ": " + e.getMessage(), e);
        }
        ring = read(file);
        pending = null;
        LOG.info("face-data key rotated, now {}; {} kept as retired", next.id(), main.active().key().id());
    }

    /** The retired keys retired before {@code cutoff} (those {@link #dropRetired} would remove). */
    public List<Listed> retiredBefore(Instant cutoff) {
        return list().stream().filter(k -> k.state().equals("retired") && k.since() != null
                && k.since().isBefore(cutoff)).toList();
    }

    /**
     * Removes the retired keys {@code ids} from the keyring (atomically, owner-only): records and backups sealed
     * under them can no longer be opened. Refused while a rotation is unfinished (its new key is not in the keyring yet).
     */
    public synchronized void dropRetired(Set<String> ids) {
        requireKeyFile("dropping retired keys");
        reload();
        if (pending != null) {
            throw new StoreException(StoreException.Kind.CONFLICT, "a key rotation did not finish (new key "
                    + pending.id() + " in " + pendingFile() + "); run facecheck keys rotate first");
        }
        try {
            writeKeyFile(file, ring.withoutRetired(ids), true);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.KEY, "cannot write the keyring " + file + ": "
                    + e.getMessage(), e);
        }
        ring = read(file);
        LOG.info("dropped retired face-data keys {} from {}", ids, file);
    }

    private void requireKeyFile(String what) {
        if (file == null) {
            throw new StoreException(StoreException.Kind.INVALID, "the face-data key comes from " + ENV
                    + "; " + what + " needs a key file (set security.key-file or --key-file)");
        }
    }

    /**
     * "needs key X, which is not in the keyring F (it holds …)": for the keys {@code ids} that a database or a
     * backup needs and that are not at hand.
     */
    public String lacking(java.util.Collection<String> ids) {
        String needs = ids.size() == 1 ? "needs key " + ids.iterator().next() : "needs keys " + String.join(", ", ids);
        StringBuilder held = new StringBuilder();
        for (Listed k : list()) {
            held.append(held.length() == 0 ? "" : ", ").append(k.id()).append(' ').append(k.state());
        }
        if (file == null) {
            return needs + ", the key given in " + ENV + " is " + currentId();
        }
        if (!java.nio.file.Files.exists(file)) {
            return needs + "; the key file does not exist (" + file + ")";
        }
        return needs + (ids.size() == 1 ? ", which is not" : ", which are not") + " in the keyring " + file
                + " (it holds " + held + ")";
    }

    /** The error for a record that cannot be opened: exit 5 on the CLI. */
    StoreException cannotDecrypt(String detail) {
        return new StoreException(StoreException.Kind.KEY, detail == null
                ? LocalizedMessage.of("cli.key.cannotDecrypt", describe())
                : LocalizedMessage.of("cli.key.cannotDecryptDetail", describe(), detail));
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

    private KeyRing read(Path f) {
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
        try {
            return KeyRing.parse(text);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw cannotDecrypt(f + (m.startsWith("line ") ? " " : ": ") + m + " (not a FaceCheck key file: expected"
                    + " one base64 key of " + KEY_BYTES + " bytes, or lines 'active|retired KEYID BASE64 DATE')");
        }
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
     * to disk, then moved into place atomically, so a crash leaves either the old file or the whole new one.
     *
     * @param replace whether an existing file may be replaced; when false an existing file is kept and
     *                {@link FileAlreadyExistsException} thrown
     */
    static void writeKeyFile(Path target, KeyRing keys, boolean replace) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        Path tmp = PrivateFiles.createFile(dir, target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(keys.format().getBytes(StandardCharsets.US_ASCII)));
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

    /** Whole seconds: the dates in the keyring are for people reading it and {@code keys list}. */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
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
