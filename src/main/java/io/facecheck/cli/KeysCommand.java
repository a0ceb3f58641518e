package io.facecheck.cli;

import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.FaceKeyRotation;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck keys rotate}: the face-data encryption key. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the face-data encryption key.",
        subcommands = {KeysCommand.Rotate.class})
final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Re-encrypt every template and face crop under a new key, then replace the key file.",
                    "Safe against a crash at any point: the new key is written to KEYFILE.new first, the records are "
                            + "re-encrypted in one transaction, and only then does KEYFILE.new replace KEYFILE.",
                    "Backups made before the rotation need the old key: keep a copy of it with them.",
                    "A key given in $FACECHECK_KEY cannot be rotated (use a key file)."})
    static final class Rotate implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--json", description = "Print oldKeyId, newKeyId, records, keyFile as JSON.")
        boolean json;
        @Mixin
        ActorOption actor;

        @Override
        public Integer call() {
            try (Database db = store.open(Database.OpenMode.EXISTING)) {
                FaceKeyRotation.Result r = FaceKeyRotation.rotate(db, new FaceKeyRotation.Listener() { });
                String keyFile = db.faceCipher().keys().describe();
                new AuditLog(db).record(actor.name(), AuditLog.KEY_ROTATE, keyFile,
                        "key " + r.oldKeyId() + " -> " + r.newKeyId() + ", " + r.records() + " records re-encrypted");
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("oldKeyId", r.oldKeyId());
                    out.put("newKeyId", r.newKeyId());
                    out.put("records", r.records());
                    out.put("keyFile", keyFile);
                    Json.print(out);
                } else {
                    System.out.println("re-encrypted " + r.records() + " face-data records under key " + r.newKeyId()
                            + " (was " + r.oldKeyId() + "); key file " + keyFile);
                }
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        }
    }
}
