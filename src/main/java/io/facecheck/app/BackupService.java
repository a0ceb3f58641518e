package io.facecheck.app;

import io.facecheck.config.Settings;
import io.facecheck.store.Backups;
import io.facecheck.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Backups of the database file (an H2 file; a database server keeps its own). */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    private final Database db;

    public BackupService(Database db) {
        this.db = db;
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
