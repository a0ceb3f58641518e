package io.facecheck.cli;

import io.facecheck.app.Backend;
import io.facecheck.app.CheckInSyncService;
import io.facecheck.app.OpenMode;
import io.facecheck.attendance.OfflineKiosk;
import io.facecheck.config.Messages;
import io.facecheck.config.Settings;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code facecheck sync [--db URL] [--kiosk ID] [--json]}: uploads the check-ins a kiosk of this machine journalled
 * while its database server was unreachable (a running kiosk does it by itself once the server answers).
 */
@Command(name = "sync", mixinStandardHelpOptions = true)
final class SyncCommand implements Callable<Integer> {
    @Option(names = "--kiosk", paramLabel = "ID", descriptionKey = "help.sync.kiosk")
    String kiosk;

    @Option(names = "--json", descriptionKey = "help.sync.json")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        Settings settings = store.settings();
        Path base = settings.kiosk().offline().orElseThrow(() -> CliException.of(ExitCodes.FAILURE, "cli.sync.noJournal"));
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        if (!Files.exists(file)) {
            print(new OfflineKiosk.SyncResult(0, 0, 0, 0, 0, true), file);
            return ExitCodes.OK;
        }
        try (Backend backend = store.open(OpenMode.EXISTING)) {
            OfflineKiosk.SyncResult r = CheckInSyncService.uploadJournal(backend, base, kiosk);
            print(r, file);
            if (!r.reachable()) {
                throw CliException.of(ExitCodes.DATABASE, "cli.sync.stopped", backend.displayName(), r.settled(),
                        r.stillPending());
            }
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        }
    }

    private void print(OfflineKiosk.SyncResult r, Path journal) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("uploaded", r.uploaded());
            doc.put("alreadyThere", r.alreadyThere());
            doc.put("duplicates", r.duplicates());
            doc.put("rejected", r.rejected());
            doc.put("pending", r.stillPending());
            doc.put("journal", journal.toString());
            Json.print(doc);
        } else {
            // one sentence: the count uploaded, then each other count that is not zero
            StringBuilder line = new StringBuilder(Messages.get("cli.sync.uploaded", r.uploaded()));
            String sep = Messages.get("cli.sync.separator");
            if (r.alreadyThere() > 0) {
                line.append(sep).append(Messages.get("cli.sync.alreadyThere", r.alreadyThere()));
            }
            if (r.duplicates() > 0) {
                line.append(sep).append(Messages.get("cli.sync.duplicates", r.duplicates()));
            }
            if (r.rejected() > 0) {
                line.append(sep).append(Messages.get("cli.sync.rejected", r.rejected()));
            }
            if (r.stillPending() > 0) {
                line.append(sep).append(Messages.get("cli.sync.pending", r.stillPending()));
            }
            System.out.println(line);
            System.out.flush();
        }
    }
}
