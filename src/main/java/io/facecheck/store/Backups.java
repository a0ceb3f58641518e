package io.facecheck.store;

import io.facecheck.config.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Online backups of an H2 database and their restore. A backup is H2's SQL script of the whole database
 * ({@code SCRIPT TO … COMPRESSION ZIP}), read in one snapshot transaction, so it is consistent while kiosks keep
 * writing; face data stays encrypted in it exactly as in the database (the key is not in it), and the ids of the
 * keys it needs are recorded in it ({@link BackupKeyIds}). It is written owner-only to a temporary file and moved
 * into place, so a half-written backup never carries the final name. Restore runs the script into an empty
 * database (or, with force, one that is emptied first), opening each record with its key from the keyring, and
 * then re-encrypts whatever a retired key sealed under the active key.
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    /** Daily backups are named {@code facecheck-yyyyMMdd-HHmmss.zip} (UTC) in the backup folder. */
    static final String DAILY_PREFIX = "facecheck-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** The tables whose rows a backup carries, in an order that satisfies the foreign keys. */
    static final List<String> TABLES = List.of("employee", "enrollment_crop", "face_template", "check_in_event",
            "unknown_face", "audit_log", "admin_user", "employee_pin", "pin_evidence");

    private Backups() {
    }

    /**
     * @param file        the backup; {@code bytes} its size; {@code rows} rows per table at the moment of the backup
     * @param keyIds      the face-data keys its records are sealed under
     * @param reencrypted for a restore: the records re-encrypted from a retired key to the active one
     */
    public record Result(Path file, long bytes, Map<String, Integer> rows, Set<String> keyIds, int reencrypted) {
    }

    /** A backup this database knows of: when it was made (null when unknown) and its file. */
    public record Made(Instant at, Path file) {
    }

    /**
     * Writes a consistent backup of {@code db} to {@code out} (owner-only) and records it in the audit log.
     *
     * @throws StoreException {@code INVALID} for a database that is not H2, {@code CONFLICT} when {@code out} exists
     *                        and {@code replace} is false
     */
    public static Result backup(Database db, Path out, boolean replace, String actor) {
        requireH2(db.url());
        Path target = out.toAbsolutePath();
        if (Files.exists(target) && !replace) {
            throw new StoreException(StoreException.Kind.CONFLICT, "backup file " + target + " exists; choose another "
                    + "name or use --force to replace it");
        }
        Path tmp;
        try {
            PrivateFiles.createDirectories(target.getParent());
            tmp = PrivateFiles.createFile(target.getParent(), "." + target.getFileName() + ".part");
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "cannot write backup " + target + ": " + e.getMessage(), e);
        }
        try {
            Set<String> keyIds = new LinkedHashSet<>();
            Map<String, Integer> rows = db.snapshot(c -> {
                Map<String, Integer> counts = counts(c);
                keyIds.addAll(FaceDataEncryption.keyIdsInUse(c));
                try (Statement s = c.createStatement()) {
                    s.execute("SCRIPT TO " + literal(tmp) + " COMPRESSION ZIP");
                }
                return counts;
            });
            PrivateFiles.restrict(tmp); // H2 writes the script as a new file with the default permissions
            BackupKeyIds.record(tmp, keyIds);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            long bytes = Files.size(target);
            new AuditLog(db).record(actor, AuditLog.BACKUP, target.toString(), bytes + " bytes, " + rows + ", keys "
                    + keyIds);
            LOG.info("backup of {} written to {} ({} bytes)", db.url(), target, bytes);
            return new Result(target, bytes, rows, keyIds, 0);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "cannot write backup " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("cannot delete {}: {}", tmp, e.getMessage());
            }
        }
    }

    /**
     * Restores the backup {@code file} into the database at {@code url}, which must be empty unless {@code force}
     * (then everything in it is replaced). The restored face data needs the keys it was encrypted with, active or
     * retired in the keyring; what a retired key sealed is re-encrypted under the active key in the same restore, so
     * the restored database needs only the active key.
     * A database that is not there yet, and a missing key file, are created only after the backup proved
     * restorable with the keys given, so a refused restore leaves no file behind.
     */
    public static Result restore(Path file, String url, FaceKeys keys, boolean force, String actor) {
        requireH2(url);
        Path source = file.toAbsolutePath();
        if (!Files.isRegularFile(source)) {
            throw new StoreException(StoreException.Kind.INVALID, "no backup file " + source);
        }
        requireScript(source);
        Set<String> needs;
        try {
            needs = BackupKeyIds.of(source);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.INVALID, "backup file " + source + " is damaged (cut "
                    + "short or corrupted: " + e.getMessage() + "); nothing was changed", e);
        }
        Optional<Map<String, Integer>> before = contents(url, keys);
        int total = before.map(b -> b.values().stream().mapToInt(Integer::intValue).sum()).orElse(0);
        if (total > 0 && !force) {
            throw new StoreException(StoreException.Kind.CONFLICT, "database " + url + " is not empty ("
                    + describe(before.get()) + "); restore replaces everything in it only with --force");
        }
        Set<String> missing = new LinkedHashSet<>();
        needs.stream().filter(id -> !keys.has(id)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw keys.cannotDecrypt("backup " + source + " " + keys.lacking(missing) + "; nothing was changed");
        }
        rehearse(source, keys);
        try (Database db = Database.open(url, Database.Credentials.NONE, keys, Database.OpenMode.CREATE)) {
            db.run(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP ALL OBJECTS");
                    s.execute("RUNSCRIPT FROM " + literal(source) + " COMPRESSION ZIP");
                }
            });
        }
        // opened again: migrated if the backup is older, and the key checked against the restored face data
        try (Database db = Database.open(url, Database.Credentials.NONE, keys, Database.OpenMode.EXISTING)) {
            String active = keys.writeKey().id();
            int reencrypted = db.inTransaction(c -> FaceDataEncryption.reseal(c, db.faceCipher(), active, (d, t) -> { }));
            Map<String, Integer> rows = db.inTransaction(Backups::counts);
            new AuditLog(db).record(actor, AuditLog.RESTORE, source.toString(), describe(rows)
                    + (reencrypted > 0 ? ", " + reencrypted + " face-data records re-encrypted under key " + active : ""));
            return new Result(source, size(source), rows, needs, reencrypted);
        }
    }

    /** Rows per table of the FaceCheck database at {@code url}, or empty when there is none yet. */
    private static Optional<Map<String, Integer>> contents(String url, FaceKeys keys) {
        try (Database db = Database.open(url, Database.Credentials.NONE, keys, Database.OpenMode.EXISTING)) {
            return Optional.of(db.inTransaction(Backups::counts));
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.NO_DATABASE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Restores {@code source} into a scratch database first and opens the result as FaceCheck would (schema,
     * face-data key), so that a truncated or damaged backup, or one made under another key, is refused before
     * anything in the real database is dropped. The scratch files (still encrypted face data) are deleted. The
     * scratch database is set up under a throwaway key of its own, so that checking creates no key file either.
     */
    private static void rehearse(Path source, FaceKeys keys) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("facecheck-restore");
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "cannot make a scratch folder to check the backup: "
                    + e.getMessage(), e);
        }
        String trial = "jdbc:h2:file:" + scratch.resolve("trial").toAbsolutePath();
        StoreException damage = null;
        try {
            try (Database db = Database.open(trial, FaceKeys.file(scratch.resolve("scratch.key")))) {
                db.run(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP ALL OBJECTS");
                    }
                });
                try {
                    db.run(c -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("RUNSCRIPT FROM " + literal(source) + " COMPRESSION ZIP");
                        }
                    });
                } catch (StoreException e) {
                    // the scratch database is new and empty: a script that does not replay is the file's fault
                    damage = damaged(source, e);
                    throw damage;
                }
            }
            try (Database db = Database.open(trial, Database.Credentials.NONE, keys, Database.OpenMode.EXISTING)) {
                db.inTransaction(Backups::counts);
            }
        } catch (StoreException e) {
            if (e == damage) {
                throw e;
            }
            throw new StoreException(e.kind() == StoreException.Kind.KEY ? StoreException.Kind.KEY
                    : StoreException.Kind.INVALID, "backup " + source + " cannot be restored (checked in a scratch "
                    + "database; nothing was changed): " + e.getMessage(), e);
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.warn("cannot delete the scratch folder {}: {}", scratch, e.getMessage());
            }
        }
    }

    /**
     * The backup {@code file} is cut short or corrupted. Says what the reader found (the zip's own message, e.g.
     * "Unexpected end of ZLIB input stream"), never the SQL statement or the scratch database, which mean nothing
     * to the person holding the file.
     */
    private static StoreException damaged(Path file, StoreException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = Database.firstLine(root.getMessage());
        int sql = detail.indexOf("; SQL statement:");
        detail = sql < 0 ? detail : detail.substring(0, sql);
        return new StoreException(StoreException.Kind.INVALID, "backup file " + file + " is damaged (cut short or "
                + "corrupted: " + detail + "); nothing was changed", e);
    }

    /** The last backup of this database (from the audit log), if ever. */
    public static Optional<Made> lastBackup(Database db) {
        List<Made> all = recorded(db);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The backups of this database in its audit log, oldest first (their files may be gone). */
    static List<Made> recorded(Database db) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT at_utc, target FROM audit_log WHERE action = ? "
                    + "ORDER BY at_utc, id")) {
                ps.setString(1, AuditLog.BACKUP);
                List<Made> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Made(Rows.instant(rs, "at_utc"), Path.of(rs.getString("target"))));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The ids of the face-data keys backup {@code file} needs.
     *
     * @throws StoreException {@code INVALID} when the file cannot be read as a backup
     */
    public static Set<String> keyIdsOf(Path file) {
        try {
            return BackupKeyIds.of(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.INVALID, "cannot read backup " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The daily backup: when the newest {@code facecheck-*.zip} in {@code dir} is a day old or there is none, writes
     * a new one and deletes the oldest beyond {@code keep}. Returns the new backup, or empty when none was due.
     */
    public static Optional<Result> dailyIfDue(Database db, Path dir, int keep, Clock clock) {
        Instant now = clock.instant();
        List<Path> existing = dailyBackups(dir);
        if (!existing.isEmpty()) {
            Instant newest = stampOf(existing.get(existing.size() - 1));
            if (newest != null && Duration.between(newest, now).compareTo(Duration.ofDays(1)) < 0) {
                return Optional.empty();
            }
        }
        Result r = backup(db, dir.resolve(DAILY_PREFIX + STAMP.format(now) + ".zip"), false, "daily-backup");
        List<Path> all = dailyBackups(dir);
        for (int i = 0; i < all.size() - keep; i++) {
            try {
                Files.deleteIfExists(all.get(i));
                LOG.info("deleted old backup {}", all.get(i));
            } catch (IOException e) {
                LOG.warn("cannot delete old backup {}: {}", all.get(i), e.getMessage());
            }
        }
        return Optional.of(r);
    }

    /** The daily backups in {@code dir}, oldest first. */
    public static List<Path> dailyBackups(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> stampOf(p) != null).sorted().toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** When the daily backup {@code p} was made, from its name; null for another file. */
    static Instant stampOf(Path p) {
        String n = p.getFileName().toString();
        if (!n.startsWith(DAILY_PREFIX) || !n.endsWith(".zip")) {
            return null;
        }
        try {
            return STAMP.parse(n.substring(DAILY_PREFIX.length(), n.length() - ".zip".length()), Instant::from);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Map<String, Integer> counts(Connection c) throws SQLException {
        Map<String, Integer> m = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    m.put(t, rs.getInt(1));
                }
            }
        }
        return m;
    }

    private static String describe(Map<String, Integer> rows) {
        StringBuilder b = new StringBuilder();
        rows.forEach((t, n) -> {
            if (n > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(t).append(n == 1 ? " row" : " rows");
            }
        });
        return b.length() == 0 ? "empty" : b.toString();
    }

    /** Refuses, before anything is dropped, a file that is not a zipped H2 script (what {@link #backup} writes). */
    private static void requireScript(Path file) {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            java.util.zip.ZipEntry e = zip.getNextEntry();
            if (e != null) {
                byte[] head = zip.readNBytes(64);
                if (new String(head, java.nio.charset.StandardCharsets.UTF_8).contains("CREATE")
                        || new String(head, java.nio.charset.StandardCharsets.UTF_8).startsWith("--")
                        || new String(head, java.nio.charset.StandardCharsets.UTF_8).startsWith("SET")) {
                    return;
                }
            }
        } catch (IOException e) {
            // reported below
        }
        throw new StoreException(StoreException.Kind.INVALID, file + " is not a FaceCheck backup (a zipped H2 SQL "
                + "script as 'facecheck backup' writes it); nothing was changed");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void requireH2(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            throw new StoreException(StoreException.Kind.INVALID, "backup and restore work on H2 databases; for a "
                    + "server database use its own tools (pg_dump), face data stays encrypted in them");
        }
    }

    private static String literal(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }
}
