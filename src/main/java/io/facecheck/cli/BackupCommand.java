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
@Command(name = "backup", mixinStandardHelpOptions = true)
final class BackupCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;
    @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "help.backup.out")
    Path out;
    @Option(names = "--force", descriptionKey = "help.backup.force")
    boolean force;
    @Option(names = "--json", descriptionKey = "help.backup.json")
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
