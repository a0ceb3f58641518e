package io.facecheck.app;

import io.facecheck.config.Settings;
import io.facecheck.store.Backups;
import io.facecheck.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Backups of the database file (an H2 file; a database server keeps its own). */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    /**
     * A backup written or restored: the file, its size, rows per table, the face-data keys it needs, and how many
     * records were re-encrypted on the way (a restore under another key).
     */
    public record Result(Path file, long bytes, Map<String, Integer> rows, List<String> keyIds, int reencrypted) {
        static Result of(Backups.Result r) {
            return new Result(r.file(), r.bytes(), r.rows(), List.copyOf(r.keyIds()), r.reencrypted());
        }
    }

    private final Database db;

    public BackupService(Database db) {
        this.db = db;
    }

    /** A consistent online backup of the database file into {@code out}; audited. */
    public Result backup(Path out, boolean replace, String actor) {
        return Result.of(Backups.backup(db, out, replace, actor));
    }

    /** The database file, or the server's URL without its password, for messages. */
    public String source() {
        return Database.fileOf(db.url()).map(Path::toString).orElse(db.url());
    }

    /**
     * Restores {@code file} into the database of {@code settings} (with the configured key), which must not be open;
     * an existing database is replaced only with {@code force}. Audited in the restored database.
     */
    public static Result restore(Settings settings, Path file, boolean force, String actor) {
        return Result.of(Backups.restore(file, settings.database().url(),
                io.facecheck.store.FaceKeys.configured(settings.security().keyFile()), force, actor));
    }

    /**
     * With {@code backup.daily} and a database file, checks every hour (the first time a few minutes after the
     * start, so a launch is not slowed) whether the newest backup in {@code backup.dir} is a day old, and if so
     * writes one and keeps the newest {@code backup.keep}. Empty when there is nothing to schedule; else closing the
     * handle stops it.
     */
    public Optional<AutoCloseable> scheduleDaily(Settings.BackupSettings b) {
        if (!b.daily() || Database.fileOf(db.url()).isEmpty()) {
            return Optional.empty();
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daily-backup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                Backups.dailyIfDue(db, b.dir(), b.keep(), Clock.systemUTC());
            } catch (RuntimeException e) {
                LOG.warn("daily backup into {} failed: {}", b.dir(), e.getMessage());
            }
        }, 3, 60, TimeUnit.MINUTES);
        return Optional.of(timer::shutdownNow);
    }
}
