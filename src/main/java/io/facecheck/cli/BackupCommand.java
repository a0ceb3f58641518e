package io.facecheck.cli;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.app.Backend;
import io.facecheck.app.BackupService;
import io.facecheck.app.OpenMode;
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
        try (Backend backend = store.open(OpenMode.EXISTING)) {
            BackupService backups = backend.backups();
            BackupService.Result r = backups.backup(out, force, actor.name());
            print(r, json, LocalizedMessage.of("cli.backup.written", backups.source(), r.file()));
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        }
    }

    /** @param what the first words, naming the database and the file */
    static void print(BackupService.Result r, boolean json, LocalizedMessage what) {
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
