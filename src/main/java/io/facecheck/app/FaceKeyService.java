package io.facecheck.app;

import io.facecheck.store.AuditLog;
import io.facecheck.store.BackupCatalog;
import io.facecheck.store.Database;
import io.facecheck.store.FaceKeyRetirement;
import io.facecheck.store.FaceKeyRotation;
import io.facecheck.store.FaceKeys;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The face-data keyring ({@code keys list|rotate|retire}): rotating re-encrypts every record under a new key and
 * keeps the old one as retired, so the backups made under it stay restorable; retiring drops retired keys, the
 * explicit end of those backups. Each change is audited.
 */
public final class FaceKeyService {
    /** A key of the keyring: {@code state} is {@code active} or {@code retired}, since when (null: not known). */
    public record Key(String id, String state, Instant since) {
        public boolean retired() {
            return "retired".equals(state);
        }
    }

    /** The keyring: where it is kept (the key file, or the environment) and its keys. */
    public record Keyring(String keyFile, List<Key> keys) {
    }

    /**
     * A rotation done: the key replaced, the key now in use, the records re-encrypted, where the keyring is, and the
     * backups in the backup folder that can still be restored with it.
     */
    public record Rotated(String oldKeyId, String newKeyId, int records, String keyFile, List<String> restorableBackups) {
    }

    /**
     * What retiring the keys retired before a date would do: the keys dropped and the backups that could no longer
     * be restored. Carried from {@link #planRetirement} to {@link #retire}.
     */
    public static final class Retirement {
        private final FaceKeyRetirement.Plan plan;
        private final String keyFile;

        private Retirement(FaceKeyRetirement.Plan plan, String keyFile) {
            this.plan = plan;
            this.keyFile = keyFile;
        }

        public String keyFile() {
            return keyFile;
        }

        public List<Key> keys() {
            return plan.keys().stream().map(FaceKeyService::key).toList();
        }

        public List<String> ids() {
            return List.copyOf(plan.ids());
        }

        public List<String> backupsLost() {
            return plan.backupsLost().stream().map(b -> b.file().toString()).toList();
        }
    }

    private final Database db;

    public FaceKeyService(Database db) {
        this.db = db;
    }

    public Keyring keyring() {
        FaceKeys keys = db.faceCipher().keys();
        return new Keyring(keys.describe(), keys.list().stream().map(FaceKeyService::key).toList());
    }

    /**
     * Re-encrypts all face data under a new key (the key must come from a file), audited; then lists the backups in
     * {@code backupDir} still restorable with the keyring.
     */
    public Rotated rotate(Path backupDir, String actor) {
        FaceKeyRotation.Result r = FaceKeyRotation.rotate(db, new FaceKeyRotation.Listener() { });
        FaceKeys keys = db.faceCipher().keys();
        String keyFile = keys.describe();
        new AuditLog(db).record(actor, AuditLog.KEY_ROTATE, keyFile,
                "key " + r.oldKeyId() + " -> " + r.newKeyId() + ", " + r.records() + " records re-encrypted; "
                        + r.oldKeyId() + " kept as retired");
        List<String> restorable = BackupCatalog.existing(db, backupDir).stream()
                .filter(b -> b.restorableWith(keys)).map(b -> b.file().toString()).toList();
        return new Rotated(r.oldKeyId(), r.newKeyId(), r.records(), keyFile, restorable);
    }

    /**
     * What dropping the keys retired before {@code cutoff} would do, changing nothing.
     *
     * @throws io.facecheck.store.StoreException {@code CONFLICT} when the database still holds face data under one
     */
    public Retirement planRetirement(Instant cutoff, Path backupDir) {
        return new Retirement(FaceKeyRetirement.plan(db, cutoff, backupDir), db.faceCipher().keys().describe());
    }

    /** Drops the planned keys from the keyring, audited. */
    public void retire(Retirement retirement, String actor) {
        FaceKeyRetirement.apply(db, retirement.plan, actor);
    }

    private static Key key(FaceKeys.Listed k) {
        return new Key(k.id(), k.state(), k.since());
    }
}
