package io.facecheck.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backups of a database that exist, and the face-data keys each needs: so that a key rotation can say which
 * backups its retired key keeps restorable, {@code keys retire} which ones it would make unrestorable, and
 * {@code status} whether the last backup can still be restored.
 */
public final class BackupCatalog {
    private BackupCatalog() {
    }

    /**
     * One backup file.
     *
     * @param at      when it was made (null when unknown)
     * @param keyIds  the keys its face data needs (empty when it cannot be read)
     * @param problem why it cannot be read (missing, damaged), or null
     */
    public record Entry(Instant at, Path file, Set<String> keyIds, String problem) {
        /** Whether every key it needs is in {@code keys} (active or retired). */
        public boolean restorableWith(FaceKeys keys) {
            return problem == null && keyIds.stream().allMatch(keys::has);
        }

        /** The keys it needs that {@code keys} lacks. */
        public List<String> missingFrom(FaceKeys keys) {
            return keyIds.stream().filter(id -> !keys.has(id)).toList();
        }

        /** Whether it needs any of {@code ids}. */
        public boolean needsAny(Collection<String> ids) {
            return keyIds.stream().anyMatch(ids::contains);
        }
    }

    /**
     * The backups of {@code db} that exist: the daily backups in {@code backupDir} (named as
     * {@link Backups#dailyIfDue} names them) and the files of the backups in its audit log that are still there,
     * each file once, oldest first.
     */
    public static List<Entry> existing(Database db, Path backupDir) {
        Map<Path, Instant> byFile = new LinkedHashMap<>();
        for (Path p : Backups.dailyBackups(backupDir)) {
            byFile.put(p.toAbsolutePath().normalize(), Backups.stampOf(p));
        }
        for (Backups.Made m : Backups.recorded(db)) {
            Path f = m.file().toAbsolutePath().normalize();
            if (Files.isRegularFile(f)) {
                byFile.put(f, m.at());
            }
        }
        List<Entry> out = new ArrayList<>();
        byFile.forEach((f, at) -> out.add(entry(at, f)));
        out.sort(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    /** The last backup of {@code db} in its audit log (whether or not its file is still there), if ever. */
    public static java.util.Optional<Entry> last(Database db) {
        return Backups.lastBackup(db).map(m -> entry(m.at(), m.file()));
    }

    private static Entry entry(Instant at, Path file) {
        if (!Files.isRegularFile(file)) {
            return new Entry(at, file, Set.of(), "the file is gone");
        }
        try {
            return new Entry(at, file, Backups.keyIdsOf(file), null);
        } catch (StoreException e) {
            return new Entry(at, file, Set.of(), e.getMessage());
        }
    }
}
