package io.facecheck.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code keys retire --before DATE}: drops from the keyring the keys retired before DATE, the explicit end of the
 * backups made under them. {@link #plan} says what would be lost (changing nothing), {@link #apply} does it.
 */
public final class FaceKeyRetirement {
    private FaceKeyRetirement() {
    }

    /** @param keys the retired keys to drop; {@code backupsLost} the existing backups that need one of them */
    public record Plan(List<FaceKeys.Listed> keys, List<BackupCatalog.Entry> backupsLost) {
        public Set<String> ids() {
            Set<String> ids = new LinkedHashSet<>();
            keys.forEach(k -> ids.add(k.id()));
            return ids;
        }
    }

    /**
     * What dropping the keys retired before {@code cutoff} would do.
     *
     * @throws StoreException {@code CONFLICT} when the database itself still holds face data under one of them
     */
    public static Plan plan(Database db, Instant cutoff, Path backupDir) {
        FaceKeys keys = db.faceCipher().keys();
        List<FaceKeys.Listed> drop = keys.retiredBefore(cutoff);
        Set<String> ids = new LinkedHashSet<>();
        drop.forEach(k -> ids.add(k.id()));
        Set<String> inUse = db.inTransaction(FaceDataEncryption::keyIdsInUse);
        inUse.retainAll(ids);
        if (!inUse.isEmpty()) {
            throw new StoreException(StoreException.Kind.CONFLICT, "the database still holds face data under key "
                    + String.join(", ", inUse) + "; run facecheck keys rotate first (it re-encrypts every record under "
                    + "the active key); nothing was changed");
        }
        List<BackupCatalog.Entry> lost = BackupCatalog.existing(db, backupDir).stream()
                .filter(b -> b.needsAny(ids)).toList();
        return new Plan(drop, lost);
    }

    /** Drops the plan's keys from the keyring and records it in the audit log. */
    public static void apply(Database db, Plan plan, String actor) {
        if (plan.keys().isEmpty()) {
            return;
        }
        FaceKeys keys = db.faceCipher().keys();
        keys.dropRetired(plan.ids());
        new AuditLog(db).record(actor, AuditLog.KEY_RETIRE, keys.describe(), "dropped retired keys " + plan.ids()
                + "; backups no longer restorable: " + plan.backupsLost().stream().map(b -> b.file().toString()).toList());
    }
}
