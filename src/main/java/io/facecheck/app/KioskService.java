package io.facecheck.app;

import io.facecheck.attendance.OfflineKiosk;
import io.facecheck.config.AppVersion;
import io.facecheck.store.Database;
import io.facecheck.store.KioskRegistry;
import io.facecheck.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** The kiosks of the site: the list the admin sees, and each kiosk's heartbeat that fills it. */
public final class KioskService {
    private static final Logger LOG = LoggerFactory.getLogger(KioskService.class);
    /** How often a running kiosk says it is alive. */
    public static final java.time.Duration HEARTBEAT_INTERVAL = KioskRegistry.HEARTBEAT_INTERVAL;

    /** One kiosk; {@code online}: heard from within {@link KioskRegistry#ONLINE_WITHIN}. */
    public record KioskStatus(String id, Instant lastSeen, String version, int pendingEvents, Instant startedAt,
                              boolean online) {
    }

    private final KioskRegistry registry;
    private final java.time.Clock clock;

    public KioskService(Database db) {
        this(db, java.time.Clock.systemUTC());
    }

    public KioskService(Database db, java.time.Clock clock) {
        this.registry = new KioskRegistry(db, clock);
        this.clock = clock;
    }

    /** Every kiosk heard of, with whether it is online now (the HTTP API's view). */
    public List<KioskStatus> statuses() {
        Instant now = clock.instant();
        return registry.list().stream().map(k -> new KioskStatus(k.id(), k.lastSeen(), k.version(), k.pendingEvents(),
                k.startedAt(), k.online(now))).toList();
    }

    /** Every kiosk heard of, by id, with when it was last seen. */
    public List<KioskRegistry.Kiosk> list() {
        return registry.list();
    }

    /**
     * Starts kiosk {@code id}'s heartbeat: its row (last seen, version, pending events) is rewritten every
     * {@link #HEARTBEAT_INTERVAL} on a daemon thread until the handle is closed. A failed beat is logged only; with an
     * offline mode an unreachable server tells the kiosk it is offline, and no beat is tried while it is (the
     * journal's sync notices the server's return).
     *
     * @param offline the kiosk's offline mode once it has one (looked up at every beat: it comes with the engine)
     */
    public AutoCloseable startHeartbeat(String id, IntSupplier pendingEvents, Supplier<Optional<OfflineKiosk>> offline) {
        Instant started = Instant.now();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            Optional<OfflineKiosk> o = offline.get();
            if (o.isPresent() && !o.get().online()) {
                return;
            }
            try {
                registry.beat(id, AppVersion.current(), pendingEvents.getAsInt(), started);
            } catch (StoreException e) {
                if (o.isPresent() && e.unreachable()) {
                    o.get().wentDown(e);
                } else {
                    LOG.warn("kiosk heartbeat: {}", e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warn("kiosk heartbeat: {}", e.getMessage());
            }
        }, 0, HEARTBEAT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }
}
