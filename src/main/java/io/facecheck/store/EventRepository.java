package io.facecheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Check-in events: insert (committed before the call returns), query by time, correct. */
public final class EventRepository {
    private static final String SELECT = "SELECT v.id, v.employee_id, e.code, e.name, e.department, v.at_utc, "
            + "v.zone, v.direction, v.distance, v.liveness, v.kiosk_id, v.correction_reason, v.corrected_by, "
            + "v.recorded_at, v.event_uuid, v.method FROM check_in_event v JOIN employee e ON e.id = v.employee_id ";

    /**
     * An event to insert.
     *
     * @param correctionReason null for a kiosk event; the administrator's reason for a manual one
     * @param method           how it was made
     */
    public record NewEvent(long employeeId, Instant at, ZoneId zone, Direction direction, Double distance,
                           Double liveness, String kioskId, String correctionReason, String correctedBy,
                           String uuid, CheckInMethod method) {
        /** An event made by face at a kiosk, or by hand when it has a correction reason. */
        public NewEvent(long employeeId, Instant at, ZoneId zone, Direction direction, Double distance,
                        Double liveness, String kioskId, String correctionReason, String correctedBy, String uuid) {
            this(employeeId, at, zone, direction, distance, liveness, kioskId, correctionReason, correctedBy, uuid,
                    correctionReason != null ? CheckInMethod.MANUAL : CheckInMethod.FACE);
        }

        public NewEvent(long employeeId, Instant at, ZoneId zone, Direction direction, Double distance,
                        Double liveness, String kioskId, String correctionReason, String correctedBy) {
            this(employeeId, at, zone, direction, distance, liveness, kioskId, correctionReason, correctedBy, null);
        }

        public static NewEvent kiosk(long employeeId, Instant at, ZoneId zone, Direction direction, Double distance,
                                     Double liveness, String kioskId, String uuid) {
            return new NewEvent(employeeId, at, zone, direction, distance, liveness, kioskId, null, null, uuid);
        }

        /** A kiosk event made by {@code method} (the PIN fallback has no distance). */
        public static NewEvent kiosk(long employeeId, Instant at, ZoneId zone, Direction direction, Double distance,
                                     Double liveness, String kioskId, String uuid, CheckInMethod method) {
            return new NewEvent(employeeId, at, zone, direction, distance, liveness, kioskId, null, null, uuid,
                    method);
        }

        public static NewEvent kiosk(long employeeId, Instant at, ZoneId zone, Direction direction, double distance,
                                     Double liveness, String kioskId) {
            return kiosk(employeeId, at, zone, direction, distance, liveness, kioskId, null);
        }
    }

    private final Database db;
    private final Clock clock;

    public EventRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    public EventRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Inserts an event; when this returns (outside an enclosing transaction) it is committed. */
    public CheckInEvent insert(NewEvent e) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO check_in_event (employee_id, at_utc, zone, "
                    + "direction, distance, liveness, kiosk_id, correction_reason, corrected_by, recorded_at, event_uuid, "
                    + "method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, e.employeeId());
                Rows.setInstant(ps, 2, e.at());
                ps.setString(3, e.zone().getId());
                ps.setString(4, e.direction().name());
                Rows.setDouble(ps, 5, e.distance());
                Rows.setDouble(ps, 6, e.liveness());
                ps.setString(7, e.kioskId());
                ps.setString(8, e.correctionReason());
                ps.setString(9, e.correctedBy());
                Rows.setInstant(ps, 10, clock.instant());
                ps.setString(11, e.uuid());
                ps.setString(12, e.method().name());
                ps.executeUpdate();
                CheckInEvent stored = find(conn, Rows.generatedId(ps)).orElseThrow();
                // in this transaction: a check-in (kiosk, journal upload) or a correction is never told without
                // having happened, nor happens untold
                Outbox.emit(conn, stored.manual() ? Outbox.CORRECTION : Outbox.CHECKIN,
                        stored.manual() ? stored.recordedAt() : stored.at(),
                        webhookData(stored, stored.manual() ? "added" : null));
                return stored;
            }
        });
    }

    /** The event as webhooks receive it ({@code change}: what a correction did, null for a check-in). */
    private static java.util.Map<String, Object> webhookData(CheckInEvent e, String change) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (change != null) {
            m.put("change", change);
        }
        m.put("eventId", e.id());
        m.put("eventUuid", e.uuid());
        m.put("code", e.code());
        m.put("name", e.name());
        m.put("department", e.department());
        m.put("at", e.at().toString());
        m.put("zone", e.zone().getId());
        m.put("localTime", e.localTime().toOffsetDateTime().toString());
        m.put("direction", e.direction().name());
        m.put("kioskId", e.kioskId());
        m.put("distance", e.distance());
        m.put("liveness", e.liveness());
        if (e.manual()) {
            m.put("reason", e.correctionReason());
            m.put("by", e.correctedBy());
        }
        return m;
    }

    /** The event the kiosk named {@code uuid}, if the server has it. */
    public Optional<CheckInEvent> findByUuid(String uuid) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE v.event_uuid = ?")) {
                ps.setString(1, uuid);
                return read(ps).stream().findFirst();
            }
        });
    }

    /**
     * Events with an id above {@code afterId} and {@code at >= notBefore}, in id order, at most {@code limit}:
     * what a kiosk has not seen yet of the others' check-ins.
     */
    public List<CheckInEvent> after(long afterId, Instant notBefore, int limit) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE v.id > ? AND v.at_utc >= ? "
                    + "ORDER BY v.id LIMIT ?")) {
                ps.setLong(1, afterId);
                Rows.setInstant(ps, 2, notBefore);
                ps.setInt(3, limit);
                return read(ps);
            }
        });
    }

    /** The employee's events with {@code from <= at <= to}, in time order. */
    public List<CheckInEvent> ofEmployeeBetween(long employeeId, Instant from, Instant to) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE v.employee_id = ? AND v.at_utc >= ? "
                    + "AND v.at_utc <= ? ORDER BY v.at_utc, v.id")) {
                ps.setLong(1, employeeId);
                Rows.setInstant(ps, 2, from);
                Rows.setInstant(ps, 3, to);
                return read(ps);
            }
        });
    }

    public Optional<CheckInEvent> find(long id) {
        return db.inTransaction(conn -> find(conn, id));
    }

    /** The employee's latest event. */
    public Optional<CheckInEvent> lastOf(long employeeId) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE v.employee_id = ? "
                    + "ORDER BY v.at_utc DESC, v.id DESC LIMIT 1")) {
                ps.setLong(1, employeeId);
                return read(ps).stream().findFirst();
            }
        });
    }

    /** The employee's latest event at or before {@code notAfter}. */
    public Optional<CheckInEvent> lastOf(long employeeId, Instant notAfter) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE v.employee_id = ? AND v.at_utc <= ? "
                    + "ORDER BY v.at_utc DESC, v.id DESC LIMIT 1")) {
                ps.setLong(1, employeeId);
                Rows.setInstant(ps, 2, notAfter);
                return read(ps).stream().findFirst();
            }
        });
    }

    /** Events with {@code from <= at < toExclusive}, in time order. */
    public List<CheckInEvent> between(Instant from, Instant toExclusive) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE v.at_utc >= ? AND v.at_utc < ? "
                    + "ORDER BY v.at_utc, v.id")) {
                Rows.setInstant(ps, 1, from);
                Rows.setInstant(ps, 2, toExclusive);
                return read(ps);
            }
        });
    }

    /** Every event, in time order. */
    public List<CheckInEvent> all() {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "ORDER BY v.at_utc, v.id")) {
                return read(ps);
            }
        });
    }

    /** Changes time and direction of an event, recording who and why. */
    public CheckInEvent correct(long id, Instant at, Direction direction, String reason, String by) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE check_in_event SET at_utc = ?, direction = ?, "
                    + "correction_reason = ?, corrected_by = ? WHERE id = ?")) {
                Rows.setInstant(ps, 1, at);
                ps.setString(2, direction.name());
                ps.setString(3, reason);
                ps.setString(4, by);
                ps.setLong(5, id);
                if (ps.executeUpdate() == 0) {
                    throw new StoreException(StoreException.Kind.NOT_FOUND, "no check-in event with id " + id);
                }
            }
            CheckInEvent after = find(conn, id).orElseThrow();
            Outbox.emit(conn, Outbox.CORRECTION, clock.instant(), webhookData(after, "edited"));
            return after;
        });
    }

    /** Deletes an event; returns whether it existed. */
    public boolean delete(long id) {
        return db.inTransaction(conn -> {
            Optional<CheckInEvent> before = find(conn, id);
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM check_in_event WHERE id = ?")) {
                ps.setLong(1, id);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            Outbox.emit(conn, Outbox.CORRECTION, clock.instant(), webhookData(before.orElseThrow(), "removed"));
            return true;
        });
    }

    /**
     * One page of events with {@code from <= at < toExclusive}, of one employee code and one kiosk when given, in
     * the order (at, id) and after the event ({@code afterAt}, {@code afterId}) when given: keyset paging, so a page
     * costs the same however deep and events inserted meanwhile never shift the pages.
     */
    public List<CheckInEvent> page(Instant from, Instant toExclusive, String code, String kioskId, Instant afterAt,
                                   long afterId, int limit) {
        StringBuilder where = new StringBuilder("WHERE v.at_utc >= ? AND v.at_utc < ?");
        if (code != null) {
            where.append(" AND e.code = ?");
        }
        if (kioskId != null) {
            where.append(" AND v.kiosk_id = ?");
        }
        if (afterAt != null) {
            where.append(" AND (v.at_utc > ? OR (v.at_utc = ? AND v.id > ?))");
        }
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + where + " ORDER BY v.at_utc, v.id LIMIT ?")) {
                int i = 1;
                Rows.setInstant(ps, i++, from);
                Rows.setInstant(ps, i++, toExclusive);
                if (code != null) {
                    ps.setString(i++, code);
                }
                if (kioskId != null) {
                    ps.setString(i++, kioskId);
                }
                if (afterAt != null) {
                    Rows.setInstant(ps, i++, afterAt);
                    Rows.setInstant(ps, i++, afterAt);
                    ps.setLong(i++, afterId);
                }
                ps.setInt(i, limit);
                return read(ps);
            }
        });
    }

    private static Optional<CheckInEvent> find(Connection conn, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE v.id = ?")) {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        }
    }

    private static List<CheckInEvent> read(PreparedStatement ps) throws SQLException {
        List<CheckInEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CheckInEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Rows.instant(rs, "at_utc"), ZoneId.of(rs.getString("zone")),
                        Direction.valueOf(rs.getString("direction")), Rows.nullableDouble(rs, "distance"),
                        Rows.nullableDouble(rs, "liveness"), rs.getString("kiosk_id"),
                        rs.getString("correction_reason"), rs.getString("corrected_by"),
                        Rows.instant(rs, "recorded_at"), rs.getString("event_uuid"), false,
                        CheckInMethod.valueOf(rs.getString("method"))));
            }
        }
        return out;
    }
}
