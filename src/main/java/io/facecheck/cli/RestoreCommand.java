package io.facecheck.cli;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.store.Backups;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code facecheck restore FILE --db URL}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup made by 'facecheck backup' into a database.",
                "The database must be empty (or not exist yet); --force replaces everything in a non-empty one.",
                "The face data needs the key it was encrypted with, found by its id in the keyring (--key-file, "
                        + "FACECHECK_KEY or the default key file), active or retired by a rotation; records under a "
                        + "retired key are re-encrypted under the active key. Without that key it exits 5."})
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;
    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path file;
    @Option(names = "--force", description = "Replace the contents of a database that is not empty.")
    boolean force;
    @Option(names = "--json", description = "Print file, bytes, rows per table, keyIds and reencrypted as JSON.")
    boolean json;
    @Mixin
    ActorOption actor;

    @Override
    public Integer call() {
        try {
            Backups.Result r = Backups.restore(file, store.settings().database().url(), store.keys(), force, actor.name());
            BackupCommand.print(r, json, LocalizedMessage.of("cli.restore.restored", store.settings().database().url(),
                    r.file()));
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        }
    }
}
