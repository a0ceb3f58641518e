package io.facecheck.cli;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.store.Backups;
import io.facecheck.store.Database;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck backup --out FILE}: a consistent online backup. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent backup of the database (H2's SQL script, zipped) while kiosks keep running.",
                "Face data stays encrypted in it; the key is not in it: keep a copy of the key file apart.",
                "The backup file is owner-only; it is written to a temporary name and moved into place."})
final class BackupCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file (.zip; the folder "
            + "must exist).")
    Path out;
    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;
    @Option(names = "--json", description = "Print file, bytes, rows per table and keyIds as JSON.")
    boolean json;
    @Mixin
    ActorOption actor;

    @Override
    public Integer call() {
        OutputFiles.check("--out", out);
        try (Database db = store.open(Database.OpenMode.EXISTING)) {
            Backups.Result r = Backups.backup(db, out, force, actor.name());
            print(r, json, LocalizedMessage.of("cli.backup.written",
                    Database.fileOf(db.url()).map(Path::toString).orElse(db.url()), r.file()));
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        }
    }

    /** @param what the first words, naming the database and the file */
    static void print(Backups.Result r, boolean json, LocalizedMessage what) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", r.file().toString());
            m.put("bytes", r.bytes());
            m.put("rows", r.rows());
            m.put("keyIds", List.copyOf(r.keyIds()));
            m.put("reencrypted", r.reencrypted());
            Json.print(m);
        } else {
            CliMessages.out("cli.backup.contents", what.localized(), r.bytes(), r.rows().get("employee"),
                    r.rows().get("face_template"), r.rows().get("check_in_event"), String.join(", ", r.keyIds()));
            if (r.reencrypted() > 0) {
                CliMessages.out("cli.backup.reencrypted", r.reencrypted());
            }
        }
    }
}
