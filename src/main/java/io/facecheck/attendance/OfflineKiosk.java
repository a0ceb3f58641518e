package io.facecheck.attendance;

import io.facecheck.store.Database;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.OfflineStore;
import io.facecheck.store.ScheduleSnapshot;
import io.facecheck.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A kiosk's life without its database server: whether the server is reachable now, the local
 * {@link OfflineStore} (journal and gallery cache), and the upload of the journal when the server is back.
 * <p>
 * While the server answers, check-ins go straight to it ({@link CheckInRecorder}). When a call finds it
 * unreachable, the kiosk goes offline: check-ins are journalled locally (committed to disk before the kiosk shows
 * them) and the server is tried again every {@link #RETRY_INTERVAL}. Once it answers, {@link #sync} uploads the
 * waiting check-ins in the order they were logged, each in its own transaction and under the UUID the kiosk gave
 * it, so an event is on the server exactly once whatever fails in between; the debounce is applied to the merged
 * history (an event within the debounce of one the server already has, from another kiosk, is not uploaded).
 * While events wait, new check-ins join the journal behind them, so the server gets them in order.
 */
public final class OfflineKiosk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineKiosk.class);

    /** How long an offline kiosk waits before asking the server again. */
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);
    /** How long settled check-ins stay in the journal after their upload (for a look back at what happened). */
    public static final Duration KEEP_SETTLED = Duration.ofDays(30);
    /** How often the background sync caches the server's schedules ({@link #refreshSchedules}). */
    public static final Duration SCHEDULE_REFRESH = Duration.ofMinutes(5);
    /** How far ahead the roster is cached: a kiosk offline for longer goes by the weekly schedules. */
    private static final java.time.Period SCHEDULE_AHEAD = java.time.Period.ofDays(62);
    /** How far below the newest event id seen {@link #refreshLastEvents} looks again (ids commit out of order). */
    private static final long LAST_EVENT_OVERLAP = 256;

    /** What one upload did. */
    public record SyncResult(int uploaded, int alreadyThere, int duplicates, int rejected, int stillPending,
                             boolean reachable) {
        public int settled() {
            return uploaded + alreadyThere + duplicates + rejected;
        }
    }

    private final Database central;
    private final OfflineStore local;
    private final String server;
    private final Duration retryInterval;
    private final AtomicLong nextTry = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong nextScheduleRefresh = new AtomicLong(System.nanoTime());
    private volatile boolean online = true;
    private volatile Consumer<Boolean> listener = b -> { };

    public OfflineKiosk(Database central, OfflineStore local) {
        this(central, local, RETRY_INTERVAL);
    }

    public OfflineKiosk(Database central, OfflineStore local, Duration retryInterval) {
        this.central = central;
        this.local = local;
        this.server = OfflineStore.serverKey(central.url());
        this.retryInterval = retryInterval;
        this.online = central.connected();
        if (!online) {
            nextTry.set(System.nanoTime() + retryInterval.toNanos());
        }
    }

    /** Opens the local store at {@code base} for {@code central}. */
    public static OfflineKiosk open(Database central, Path base, FaceKeys keys) {
        return new OfflineKiosk(central, OfflineStore.open(base, keys));
    }

    /** Whether the offline mode applies to {@code db}: a database server (an H2 file is never "unreachable"). */
    public static boolean appliesTo(Database db) {
        return db.vendor() == Database.Vendor.POSTGRESQL;
    }

    public Database central() {
        return central;
    }

    public OfflineStore local() {
        return local;
    }

    /** The file of the local journal and gallery cache, for messages. */
    public java.nio.file.Path journalFile() {
        return local.file();
    }

    /**
     * The name, department and greeting name (null: none) of {@code code} as this kiosk's gallery cache of the server
     * holds them, for greeting people while the server is unreachable.
     */
    public Optional<String[]> cachedPerson(String code) {
        return local.person(server, code);
    }

    /** The server's key in the local store (its URL without credentials). */
    public String server() {
        return server;
    }

    /** Whether the server answered the last time it was asked. */
    public boolean online() {
        return online;
    }

    /** Told with true/false when the kiosk comes back online / goes offline (on the thread that noticed). */
    public void onChange(Consumer<Boolean> l) {
        this.listener = l == null ? b -> { } : l;
    }

    /** The check-ins waiting for the server; {@code kioskId} null: every kiosk's of this machine. */
    public int pending(String kioskId) {
        return local.pendingCount(server, kioskId);
    }

    /** Called when a call to the server found it unreachable. */
    public synchronized void wentDown(StoreException e) {
        nextTry.set(System.nanoTime() + retryInterval.toNanos());
        if (online) {
            online = false;
            LOG.warn("offline: {}; check-ins are journalled in {} until it answers", e.getMessage(), local.file());
            listener.accept(false);
        }
    }

    private synchronized void cameBack() {
        if (!online) {
            online = true;
            LOG.info("online again: {}", central.displayName());
            listener.accept(true);
        }
    }

    /** Whether it is time to ask the server (online, or offline for longer than the retry interval). */
    public boolean worthTrying() {
        return online || System.nanoTime() - nextTry.get() >= 0;
    }

    /**
     * Whether a new check-in of {@code kioskId} may go straight to the server: it is reachable (asked again, with
     * one quick direct connection, when due) and nothing of this kiosk waits in the journal. Waiting check-ins are
     * uploaded by {@link #sync} (the kiosk's background sync, {@code facecheck sync}, or the start of
     * {@code facecheck checkin}), never on the check-in's own thread: a long journal must not stall the camera.
     * Until then new check-ins join the journal behind them, so the server gets them in order.
     */
    boolean readyForServer(String kioskId) {
        if (!worthTrying()) {
            return false;
        }
        if (!online && !answers()) {
            return false;
        }
        return local.pendingCount(server, kioskId) == 0;
    }

    /**
     * Asks the server with one direct connection (the pool would wait its whole timeout for a server that refuses)
     * and notes the answer.
     */
    private boolean answers() {
        try {
            central.probe();
        } catch (StoreException e) {
            if (!e.unreachable()) {
                throw e;
            }
            wentDown(e);
            return false;
        }
        cameBack();
        return true;
    }

    /**
     * Uploads the journalled check-ins of {@code kioskId} (null: all of this machine's) in the order they were
     * logged. Stops at the first sign that the server is unreachable; what is left stays pending.
     */
    public synchronized SyncResult sync(String kioskId, Duration debounce) {
        List<OfflineStore.JournalEntry> waiting = local.pending(server, kioskId);
        if (!online && !answers()) {
            return new SyncResult(0, 0, 0, 0, waiting.size(), false);
        }
        int uploaded = 0;
        int already = 0;
        int duplicates = 0;
        int rejected = 0;
        EventRepository events = new EventRepository(central);
        for (int i = 0; i < waiting.size(); i++) {
            OfflineStore.JournalEntry e = waiting.get(i);
            OfflineStore.Settled outcome;
            try {
                outcome = upload(events, e, debounce);
            } catch (StoreException ex) {
                if (ex.unreachable()) {
                    wentDown(ex);
                    return new SyncResult(uploaded, already, duplicates, rejected, waiting.size() - i, false);
                }
                throw ex;
            }
            cameBack();
            local.settle(e.uuid(), outcome == null ? OfflineStore.Settled.UPLOADED : outcome);
            if (outcome == null || outcome == OfflineStore.Settled.UPLOADED) {
                logged(e.asEvent());
            }
            if (outcome == null) {
                already++;
            } else {
                switch (outcome) {
                    case UPLOADED -> uploaded++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> rejected++;
                    default -> { }
                }
            }
        }
        if (!waiting.isEmpty()) {
            // what the server has had for a month is of no more use here (pending check-ins are never dropped)
            local.forgetSettledBefore(java.time.Instant.now().minus(KEEP_SETTLED));
            LOG.info("journal uploaded to {}: {} new, {} there already, {} within the debounce of an event there, "
                    + "{} of employees no longer there", central.displayName(), uploaded, already, duplicates, rejected);
        }
        return new SyncResult(uploaded, already, duplicates, rejected, 0, true);
    }

    /**
     * One journalled event into the server, in one transaction with the employee's row locked (as a live
     * check-in): null when the server has it already (a previous upload committed but its note was lost).
     */
    private OfflineStore.Settled upload(EventRepository events, OfflineStore.JournalEntry e, Duration debounce) {
        return central.inTransaction(conn -> {
            long employeeId;
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM employee WHERE code = ? FOR UPDATE")) {
                ps.setString(1, e.code());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        LOG.warn("journalled check-in {} of {} at {} not uploaded: the server has no employee {} now",
                                e.uuid(), e.code(), e.at(), e.code());
                        return OfflineStore.Settled.REJECTED;
                    }
                    employeeId = rs.getLong(1);
                }
            }
            if (events.findByUuid(e.uuid()).isPresent()) {
                return null;
            }
            // the debounce over the merged history: an event the server has (another kiosk's) close to this one
            boolean near = events.ofEmployeeBetween(employeeId, e.at().minus(debounce), e.at().plus(debounce))
                    .stream().anyMatch(x -> Duration.between(x.at(), e.at()).abs().compareTo(debounce) < 0);
            if (near) {
                LOG.info("journalled check-in of {} at {} not uploaded: logged within {} on the server already",
                        e.code(), e.at(), debounce);
                return OfflineStore.Settled.DUPLICATE;
            }
            events.insert(EventRepository.NewEvent.kiosk(employeeId, e.at(), e.zone(), e.direction(), e.distance(),
                    e.liveness(), e.kioskId(), e.uuid()));
            return OfflineStore.Settled.UPLOADED;
        });
    }

    /**
     * Notes the server's check-ins made since the last call (by any kiosk, from the last two days at most: a
     * shift-day's window lasts up to 48 hours) in the local store, so that an offline kiosk still knows each person's
     * last event for IN/OUT toggling; and, every {@link #SCHEDULE_REFRESH}, the schedules
     * ({@link #refreshSchedules}). Incremental: by event id, looking back a little for ids committed out of order.
     * Does nothing while offline.
     */
    public void refreshLastEvents() {
        java.time.Instant now = java.time.Instant.now();
        refreshLastEvents(now.minus(Duration.ofDays(2)));
        long due = nextScheduleRefresh.get();
        if (online && System.nanoTime() - due >= 0
                && nextScheduleRefresh.compareAndSet(due, System.nanoTime() + SCHEDULE_REFRESH.toNanos())) {
            refreshSchedules(java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
        }
    }

    /**
     * Caches the server's schedules in the local store, so that an offline kiosk still finds a check-in's shift-day
     * (a night worker's 06:00 check-out is an OUT): every shift and weekly assignment, and the roster entries from a
     * few days before {@code today} to {@link #SCHEDULE_AHEAD} after it. A kiosk offline for longer goes by the
     * weekly schedules alone. Does nothing while offline.
     */
    public synchronized void refreshSchedules(java.time.LocalDate today) {
        if (!online) {
            return;
        }
        try {
            local.saveSchedule(server, ScheduleSnapshot.load(central, null, today.minusDays(3),
                    today.plus(SCHEDULE_AHEAD)));
        } catch (StoreException e) {
            if (!e.unreachable()) {
                throw e;
            }
            wentDown(e);
        }
    }

    /** The schedules as last cached (none cached: every day a rest day, the calendar day its window). */
    ScheduleSnapshot schedule() {
        return local.schedule(server).orElse(ScheduleSnapshot.NONE);
    }

    /** As {@link #refreshLastEvents()}, with events before {@code notBefore} left out. */
    public synchronized void refreshLastEvents(java.time.Instant notBefore) {
        if (!online) {
            return;
        }
        EventRepository events = new EventRepository(central);
        long mark = local.lastEventMark(server);
        long from = Math.max(0, mark - LAST_EVENT_OVERLAP);
        try {
            while (true) {
                List<io.facecheck.store.CheckInEvent> batch = events.after(from, notBefore, 5000);
                long upTo = Math.max(mark, batch.stream().mapToLong(io.facecheck.store.CheckInEvent::id).max().orElse(mark));
                local.noteLastEvents(server, batch.stream().map(e -> new OfflineStore.LastSeen(e.code(), e.at(),
                        e.direction())).toList(), upTo);
                if (batch.size() < 5000) {
                    return;
                }
                from = upTo;
                mark = upTo;
            }
        } catch (StoreException e) {
            if (!e.unreachable()) {
                throw e;
            }
            wentDown(e);
        }
    }

    /** The person's last event as this kiosk knows it offline: its own journal or the server's, the later. */
    Optional<LastEvent> lastKnown(String code) {
        Optional<LastEvent> journalled = local.lastOf(server, code)
                .filter(e -> e.state() == OfflineStore.Settled.PENDING)
                .map(e -> new LastEvent(e.at(), e.direction()));
        Optional<LastEvent> seen = local.lastSeen(server, code).map(e -> new LastEvent(e.at(), e.direction()));
        if (journalled.isEmpty()) {
            return seen;
        }
        if (seen.isEmpty() || !seen.get().at().isAfter(journalled.get().at())) {
            return journalled;
        }
        return seen;
    }

    /** After a check-in committed on the server: this kiosk knows it as the person's last event. */
    void logged(io.facecheck.store.CheckInEvent e) {
        local.noteLastEvents(server, List.of(new OfflineStore.LastSeen(e.code(), e.at(), e.direction())), -1);
    }

    /** Name and department of {@code code}: from the server when it answers, else from the gallery cache. */
    Optional<String[]> person(String code) {
        return local.person(server, code);
    }

    /** Employees of the server, for the gallery cache (codes to names). */
    List<Employee> employees() {
        return new EmployeeRepository(central).list(true);
    }

    /**
     * Uploads waiting check-ins (and notices the server's return) every {@code every} on a daemon thread until the
     * returned handle is closed.
     */
    public AutoCloseable startAutoSync(Duration every, Duration debounce) {
        return Repeating.every("journal-sync", every, () -> {
            if (worthTrying() && (!online || pending(null) > 0)) {
                sync(null, debounce);
            }
            refreshLastEvents();
        }, LOG);
    }

    @Override
    public void close() {
        local.close();
    }
}
