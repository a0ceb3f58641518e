package io.facecheck.cli;

import io.facecheck.attendance.OfflineKiosk;
import io.facecheck.config.Settings;
import io.facecheck.store.Database;
import io.facecheck.store.OfflineStore;
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
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Upload the check-ins journalled while the database server was unreachable.",
                "In order, with their original times, each exactly once (a second sync uploads",
                "nothing); one within the debounce of an event the server has is not uploaded."})
final class SyncCommand implements Callable<Integer> {
    @Option(names = "--kiosk", paramLabel = "ID", description = "Only this kiosk's check-ins (default: every kiosk's "
            + "journalled on this machine).")
    String kiosk;

    @Option(names = "--json", description = "Print JSON: uploaded, alreadyThere, duplicates, rejected, pending, journal.")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        Settings settings = store.settings();
        Path base = settings.kiosk().offline().orElseThrow(() -> new CliException(ExitCodes.FAILURE,
                "kiosk.offline-store is empty in the settings: this machine keeps no offline journal"));
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        if (!Files.exists(file)) {
            print(new OfflineKiosk.SyncResult(0, 0, 0, 0, 0, true), file);
            return ExitCodes.OK;
        }
        try (Database db = store.open(Database.OpenMode.EXISTING);
             OfflineKiosk offline = new OfflineKiosk(db, OfflineStore.open(base, store.keys()))) {
            OfflineKiosk.SyncResult r = offline.sync(kiosk, settings.checkIn().debounce());
            print(r, file);
            if (!r.reachable()) {
                throw new CliException(ExitCodes.DATABASE, db.displayName() + " stopped answering during the upload: "
                        + r.settled() + " check-in(s) uploaded, " + r.stillPending() + " still waiting; run sync again");
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
            System.out.println(r.uploaded() + " check-in(s) uploaded" + (r.alreadyThere() > 0 ? ", " + r.alreadyThere()
                    + " found there already" : "") + (r.duplicates() > 0 ? ", " + r.duplicates()
                    + " not uploaded (logged within the debounce by another kiosk)" : "") + (r.rejected() > 0 ? ", "
                    + r.rejected() + " not uploaded (employee no longer on the server)" : "")
                    + (r.stillPending() > 0 ? ", " + r.stillPending() + " still waiting" : ""));
            System.out.flush();
        }
    }
}
