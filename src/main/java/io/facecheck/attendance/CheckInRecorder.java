package io.facecheck.attendance;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.CheckInMethod;
import io.facecheck.store.PinEvidence;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.OfflineStore;
import io.facecheck.store.ScheduleSnapshot;
import io.facecheck.store.StoreException;
import io.facecheck.store.UnknownFaceLog;
import io.facecheck.timesheet.ShiftOccurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes the policy's check-ins to the store, one transaction each, committed before {@link #record} returns.
 * Inside the transaction it locks the employee row and checks the debounce again against the stored events,
 * so two kiosks (or a kiosk and the CLI) sharing a database never log the same person twice.
 * Also the policy's {@link LastEventLookup}.
 */
public final class CheckInRecorder implements LastEventLookup {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInRecorder.class);

    private final Database db;
    private final EmployeeRepository employees;
    private final EventRepository events;
    private final String kioskId;
    private final ZoneId zone;
    private final Duration debounce;
    private final UnknownFaceLog unknownFaces;
    private final PinEvidence evidence;
    private final boolean storeUnknownFaces;
    private final OfflineKiosk offline;

    /** A recorder that counts unknown faces without keeping their crops. */
    public CheckInRecorder(Database db, String kioskId, ZoneId zone, Duration debounce) {
        this(db, kioskId, zone, debounce, false);
    }

    /** @param storeUnknownFaces keep a crop of each unknown sighting ({@code checkin.unknown.store-faces}) */
    public CheckInRecorder(Database db, String kioskId, ZoneId zone, Duration debounce, boolean storeUnknownFaces) {
        this(db, kioskId, zone, debounce, storeUnknownFaces, null);
    }

    /**
     * A recorder that outlives its server: with {@code offline} (for {@code db}), a check-in that cannot reach the
     * server is journalled locally and returned as {@link CheckInEvent#pending()}; see {@link OfflineKiosk}.
     */
    public CheckInRecorder(Database db, String kioskId, ZoneId zone, Duration debounce, boolean storeUnknownFaces,
                           OfflineKiosk offline) {
        this.offline = offline;
        this.db = db;
        this.employees = new EmployeeRepository(db);
        this.events = new EventRepository(db);
        this.unknownFaces = new UnknownFaceLog(db);
        this.evidence = new PinEvidence(db);
        this.kioskId = kioskId;
        this.zone = zone;
        this.debounce = debounce;
        this.storeUnknownFaces = storeUnknownFaces;
    }

    /**
     * Records an unknown face's new sighting ({@link Decision#sighting()}); does nothing for other decisions.
     * {@code cropPng} is asked only when crops of unknown faces are to be kept.
     *
     * @return whether a sighting was recorded
     */
    public boolean recordUnknown(Decision d, Supplier<byte[]> cropPng) {
        if (d.kind() != Decision.Kind.UNKNOWN || !d.sighting()) {
            return false;
        }
        byte[] png = storeUnknownFaces && cropPng != null ? cropPng.get() : null;
        if (offline != null && !offline.online()) {
            LOG.info("unknown face at {} not counted: offline", d.at());
            return false;
        }
        try {
            unknownFaces.record(d.at(), kioskId, Double.isFinite(d.distance()) ? d.distance() : null, png);
        } catch (StoreException e) {
            if (offline == null || !e.unreachable()) {
                throw e;
            }
            offline.wentDown(e);
            LOG.info("unknown face at {} not counted: offline", d.at());
            return false;
        }
        LOG.info("unknown face at {} (nearest distance {})", d.at(), d.distance());
        return true;
    }

    /**
     * Logs a {@link Decision.Kind#CHECK_IN} decision.
     *
     * @return the committed event, or empty when the person was logged within the debounce time meanwhile
     * @throws StoreException when the employee is unknown or inactive, or the database fails
     */
    public Optional<CheckInEvent> record(Decision d) {
        return record(d, CheckInMethod.FACE, null);
    }

    /**
     * Logs a check-in made by {@code method}, with {@code evidencePng} (a face crop, sealed like every face crop)
     * kept beside the event in the same transaction when given. A check-in not made by face needs the server: it is
     * never journalled offline, where neither its method nor its evidence could be kept.
     *
     * @throws StoreException as {@link #record(Decision)}; also for a PIN check-in while the server is unreachable
     */
    public Optional<CheckInEvent> record(Decision d, CheckInMethod method, byte[] evidencePng) {
        if (!d.isCheckIn()) {
            throw new IllegalArgumentException("only CHECK_IN decisions are recorded, got " + d.kind());
        }
        // the kiosk names the event: a journalled copy of an event whose commit went unanswered is uploaded once
        String uuid = UUID.randomUUID().toString();
        boolean byFace = method == CheckInMethod.FACE;
        if (offline != null && !offline.readyForServer(kioskId)) {
            if (!byFace) {
                throw new StoreException(StoreException.Kind.CANNOT_OPEN, LocalizedMessage.of("pin.error.offline"));
            }
            return journal(d, uuid);
        }
        Optional<CheckInEvent> result;
        try {
            result = recordOnServer(d, uuid, method, evidencePng);
            if (offline != null) {
                result.ifPresent(offline::logged);
            }
        } catch (StoreException e) {
            if (offline == null || !e.unreachable()) {
                throw e;
            }
            offline.wentDown(e);
            if (!byFace) {
                throw e;
            }
            return journal(d, uuid);
        }
        result.ifPresentOrElse(
                e -> LOG.info("check-in {} {} at {} by {} (distance {})", e.code(), e.direction(), e.at(), method,
                        e.distance()),
                () -> LOG.info("check-in of {} skipped: already logged within {}", d.code(), debounce));
        return result;
    }

    private Optional<CheckInEvent> recordOnServer(Decision d, String uuid, CheckInMethod method, byte[] evidencePng) {
        return db.inTransaction(conn -> {
            long employeeId;
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT id, active FROM employee WHERE code = ? FOR UPDATE")) {
                ps.setString(1, d.code());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException(StoreException.Kind.NOT_FOUND,
                                LocalizedMessage.of("cli.error.noEmployee", d.code()));
                    }
                    if (!rs.getBoolean(2)) {
                        throw new StoreException(StoreException.Kind.INVALID, "employee " + d.code() + " is inactive");
                    }
                    employeeId = rs.getLong(1);
                }
            }
            Optional<CheckInEvent> last = events.lastOf(employeeId, d.at());
            if (last.isPresent() && Duration.between(last.get().at(), d.at()).compareTo(debounce) < 0) {
                return Optional.empty();
            }
            CheckInEvent logged = events.insert(EventRepository.NewEvent.kiosk(employeeId, d.at(), zone,
                    d.direction(), Double.isFinite(d.distance()) ? d.distance() : null, d.liveness(), kioskId, uuid,
                    method));
            if (evidencePng != null) {
                evidence.add(conn, logged.id(), evidencePng, d.at());
            }
            return Optional.of(logged);
        });
    }

    /** Offline: the check-in into the local journal (on disk when this returns), debounced against it. */
    private Optional<CheckInEvent> journal(Decision d, String uuid) {
        // within the debounce of what this kiosk journalled, or of the person's last event on the server as last seen
        Optional<OfflineStore.JournalEntry> last = offline.local().lastOf(offline.server(), d.code());
        boolean journalled = last.isPresent() && last.get().state() != OfflineStore.Settled.DUPLICATE
                && last.get().state() != OfflineStore.Settled.REJECTED
                && Duration.between(last.get().at(), d.at()).abs().compareTo(debounce) < 0;
        boolean onServer = offline.local().lastSeen(offline.server(), d.code())
                .filter(e -> Duration.between(e.at(), d.at()).abs().compareTo(debounce) < 0).isPresent();
        if (journalled || onServer) {
            LOG.info("check-in of {} skipped: already logged within {}", d.code(), debounce);
            return Optional.empty();
        }
        Optional<String[]> who = offline.person(d.code());
        OfflineStore.JournalEntry e = offline.local().append(uuid, offline.server(), kioskId, d.code(),
                who.map(w -> w[0]).orElse(d.code()), who.map(w -> w[1]).orElse(null), d.at(), zone, d.direction(),
                Double.isFinite(d.distance()) ? d.distance() : null, d.liveness());
        LOG.info("check-in {} {} at {} journalled offline ({} waiting)", e.code(), e.direction(), e.at(),
                offline.pending(kioskId));
        return Optional.of(e.asEvent());
    }

    /** The offline mode of this recorder, if it has one. */
    public Optional<OfflineKiosk> offline() {
        return Optional.ofNullable(offline);
    }

    /** This recorder's kiosk id. */
    public String kioskId() {
        return kioskId;
    }

    @Override
    public Optional<LastEvent> last(String code) {
        if (offline != null) {
            boolean waiting = offline.local().lastOf(offline.server(), code)
                    .filter(e -> e.state() == OfflineStore.Settled.PENDING).isPresent();
            if (waiting || !offline.online()) {
                return offline.lastKnown(code);
            }
            try {
                return lastOnServer(code);
            } catch (StoreException e) {
                if (!e.unreachable()) {
                    throw e;
                }
                offline.wentDown(e);
                return offline.lastKnown(code);
            }
        }
        return lastOnServer(code);
    }

    /**
     * The shift-day by the person's schedule: read from the server for each check-in (an assignment made a minute ago
     * counts), from the offline cache while the server is away.
     */
    @Override
    public ShiftOccurrence shiftDayAt(String code, Instant at, ZoneId zone) {
        return schedule(code, LocalDate.ofInstant(at, zone)).shiftDayAt(code, at, zone);
    }

    private ScheduleSnapshot schedule(String code, LocalDate day) {
        if (offline != null && !offline.online()) {
            return offline.schedule();
        }
        try {
            // the windows of the day before to the day after (one of them holds the check-in) are cut by the
            // shifts of three days before to two days after
            return ScheduleSnapshot.load(db, code, day.minusDays(3), day.plusDays(2));
        } catch (StoreException e) {
            if (offline == null || !e.unreachable()) {
                throw e;
            }
            offline.wentDown(e);
            return offline.schedule();
        }
    }

    private Optional<LastEvent> lastOnServer(String code) {
        return employees.findByCode(code)
                .flatMap(e -> events.lastOf(e.id()))
                .map(e -> new LastEvent(e.at(), e.direction()));
    }
}
