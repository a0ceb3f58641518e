package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.app.Backend;
import io.facecheck.app.OpenMode;
import io.facecheck.store.KioskRegistry.Kiosk;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck kiosks}: the kiosks writing to this database, from their heartbeats. */
@Command(name = "kiosks", mixinStandardHelpOptions = true)
final class KiosksCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--json", descriptionKey = "help.kiosks.json")
    boolean json;

    @Override
    public Integer call() {
        try (Backend backend = store.open(OpenMode.EXISTING)) {
            List<Kiosk> kiosks = backend.kiosks().list();
            Instant now = Instant.now();
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Kiosk k : kiosks) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", k.id());
                    m.put("lastSeen", k.lastSeen().toString());
                    m.put("version", k.version());
                    m.put("pendingEvents", k.pendingEvents());
                    m.put("online", k.online(now));
                    out.add(m);
                }
                Json.print(out);
            } else if (kiosks.isEmpty()) {
                CliMessages.out("cli.kiosks.none");
            } else {
                for (Kiosk k : kiosks) {
                    CliMessages.out("cli.kiosks.kiosk", DisplayWidth.padRight(k.id(), 20),
                            DisplayWidth.padRight(Messages.get(k.online(now) ? "cli.kiosks.online" : "cli.kiosks.offline"), 8),
                            String.valueOf(k.lastSeen()), k.version(), k.pendingEvents());
                }
            }
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        }
    }
}
