package io.facecheck.models;

import io.facecheck.config.AppDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * The SHA-256 sums of model files already checked against their cards: in memory for this process, and in a small
 * file in the data folder for later ones, so that a start-up hashes only the files that changed.
 * <p>
 * A file is recognised by its absolute path and its {@link Stamp}: size, modification time, inode change time and
 * file key (inode). The change time is what makes the cache safe against damage that keeps the size and puts the
 * modification time back ({@code touch -r}): no user can set it back. Where the file system has no change time
 * (Windows, FAT) only size, modification time and file key are compared, and such a damage would go unnoticed until
 * {@code facecheck models verify}, which always hashes.
 * <p>
 * The cache is an optimisation only: one that cannot be read is ignored, one that cannot be written is not written.
 */
public final class VerifiedHashes {
    private static final Logger LOG = LoggerFactory.getLogger(VerifiedHashes.class);
    public static final String FILE_NAME = "verified-models.properties";
    /**
     * A file that changed less than this before it was hashed is not remembered: it could change again within the
     * file system's time granularity (a kernel tick; two seconds on FAT) without its stamp moving ("racily clean").
     */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final Path file;
    private final Clock clock;
    private Properties entries;

    public VerifiedHashes(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The process-wide cache, backed by {@value #FILE_NAME} in the data folder. */
    public static VerifiedHashes shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final VerifiedHashes INSTANCE =
                new VerifiedHashes(AppDirs.current().dataDir().resolve(FILE_NAME), Clock.systemUTC());
    }

    /** Whether {@code f}, as it is now, was verified to have the SHA-256 {@code sha256}. */
    synchronized boolean known(Path f, String sha256) {
        String entry = entries().getProperty(key(f));
        if (entry == null) {
            return false;
        }
        try {
            return entry.equals(Stamp.of(f) + " " + sha256);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Remembers that {@code f} has the SHA-256 {@code sha256}, hashed from the file as stamped {@code before}; not
     * when the file changed during the hashing or too shortly before it (see {@link #SETTLE}).
     */
    synchronized void remember(Path f, Stamp before, String sha256, Instant hashStarted) {
        try {
            if (!before.equals(Stamp.of(f)) || !before.settledBy(hashStarted.minus(SETTLE))) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        entries().setProperty(key(f), before + " " + sha256);
        save();
    }

    /** The clock's now, the instant a hash starts (for {@link #remember}). */
    Instant now() {
        return clock.instant();
    }

    private Properties entries() {
        if (entries == null) {
            entries = read();
        }
        return entries;
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | RuntimeException e) {
                LOG.debug("model checksum cache {} unreadable, ignored: {}", file, e.toString());
                return new Properties();
            }
        }
        return p;
    }

    /**
     * Writes the entries merged with what another process may have written meanwhile, dropping files that are gone,
     * through a temporary file so that a reader never sees half of it.
     */
    private void save() {
        Properties merged = read();
        merged.putAll(entries);
        merged.stringPropertyNames().stream().filter(k -> !Files.exists(Path.of(k))).forEach(merged::remove);
        Path tmp = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".verified-models", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                merged.store(out, "SHA-256 of model files verified against their cards; safe to delete");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            entries = merged;
        } catch (IOException | RuntimeException e) {
            LOG.debug("model checksum cache {} not written: {}", file, e.toString());
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file in the data folder is harmless
                }
            }
        }
    }

    private static String key(Path f) {
        return f.toAbsolutePath().normalize().toString();
    }

    /** What identifies one version of a file without reading it. */
    record Stamp(long size, FileTime modified, FileTime changed, Object fileKey) {

        static Stamp of(Path f) throws IOException {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            FileTime changed;
            try {
                changed = (FileTime) Files.getAttribute(f, "unix:ctime");
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                changed = null; // no change time here: see the class comment
            }
            return new Stamp(a.size(), a.lastModifiedTime(), changed, a.fileKey());
        }

        /** Whether the file's last change was before {@code t}. */
        boolean settledBy(Instant t) {
            Instant last = changed == null || modified.compareTo(changed) > 0 ? modified.toInstant() : changed.toInstant();
            return last.isBefore(t);
        }

        @Override
        public String toString() {
            return size + "/" + modified.to(java.util.concurrent.TimeUnit.NANOSECONDS) + "/"
                    + (changed == null ? "-" : changed.to(java.util.concurrent.TimeUnit.NANOSECONDS)) + "/" + fileKey;
        }
    }
}
