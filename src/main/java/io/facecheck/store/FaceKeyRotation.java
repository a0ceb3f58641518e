package io.facecheck.store;

import java.nio.file.Path;

/**
 * {@code keys rotate}: re-encrypts every face-data record under a new key, so that a crash at any moment loses
 * nothing, and keeps the old key in the keyring as retired, so that backups made before stay restorable.
 * <ol>
 *   <li>The new key is written to {@code facecheck.key.new} (temporary file, forced to disk, atomic move). From
 *       then on both keys are loaded by every process that opens the database, and new records use the new key.</li>
 *   <li>All records are re-sealed under the new key in one transaction (repeated for records another process
 *       committed meanwhile under the old key).</li>
 *   <li>Only then is the keyring written again (temporary file, atomic move) with the new key active and the old one
 *       retired, and {@code facecheck.key.new} deleted.</li>
 * </ol>
 * A crash before the commit leaves the old records and both key files: everything decrypts, and running the
 * rotation again reuses the new key. A crash after the commit but before the move leaves records that need only
 * the new key: the next open sees that no record needs the old key and finishes the rotation.
 */
public final class FaceKeyRotation {
    private static final int MAX_PASSES = 5;

    private FaceKeyRotation() {
    }

    /** Progress of a rotation (and where a test may stop the process). */
    public interface Listener {
        default void newKeyWritten(Path file) {
        }

        default void record(int done, int total) {
        }

        default void committed() {
        }
    }

    /** @param oldKeyId the key replaced; {@code newKeyId} the key now in use; {@code records} re-encrypted */
    public record Result(String oldKeyId, String newKeyId, int records) {
    }

    /** Rotates the key of {@code db}'s face data (the key must come from a file). */
    public static Result rotate(Database db, Listener listener) {
        FaceDataCipher cipher = db.faceCipher();
        FaceKeys keys = cipher.keys();
        String old = keys.currentId();
        FaceKeys.Key next = keys.pendingOrCreate();
        listener.newKeyWritten(keys.pendingFile());
        int records = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            records += db.inTransaction(c -> FaceDataEncryption.reseal(c, cipher, next.id(), listener::record));
            if (db.inTransaction(c -> FaceDataEncryption.countNotUnder(c, next.id())) == 0) {
                listener.committed();
                keys.finishRotation();
                return new Result(old, next.id(), records);
            }
        }
        throw new StoreException(StoreException.Kind.OTHER, "records keep arriving under the old key; the new key "
                + "stays in " + keys.pendingFile() + " and both keys stay usable: run keys rotate again");
    }
}
