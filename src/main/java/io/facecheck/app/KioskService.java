package io.facecheck.app;

import io.facecheck.store.Database;
import io.facecheck.store.KioskRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The kiosks that share the database, as their heartbeats describe them. */
public final class KioskService {
    /** One kiosk; {@code online}: heard from within {@link KioskRegistry#ONLINE_WITHIN}. */
    public record KioskStatus(String id, Instant lastSeen, String version, int pendingEvents, Instant startedAt,
                              boolean online) {
    }

    private final KioskRegistry kiosks;
    private final Clock clock;

    public KioskService(Database db) {
        this(db, Clock.systemUTC());
    }

    public KioskService(Database db, Clock clock) {
        this.kiosks = new KioskRegistry(db, clock);
        this.clock = clock;
    }

    public List<KioskStatus> list() {
        Instant now = clock.instant();
        return kiosks.list().stream().map(k -> new KioskStatus(k.id(), k.lastSeen(), k.version(), k.pendingEvents(),
                k.startedAt(), k.online(now))).toList();
    }
}
