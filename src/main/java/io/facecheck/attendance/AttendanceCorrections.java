package io.facecheck.attendance;

import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.StoreException;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Manual fixes by an administrator (a missed checkout, a wrong direction): each needs a reason, and the change
 * and its audit entry are written in one transaction.
 */
public final class AttendanceCorrections {
    private final Database db;
    private final EmployeeRepository employees;
    private final EventRepository events;
    private final AuditLog audit;
    private final ZoneId zone;

    public AttendanceCorrections(Database db, ZoneId zone) {
        this.db = db;
        this.employees = new EmployeeRepository(db);
        this.events = new EventRepository(db);
        this.audit = new AuditLog(db);
        this.zone = zone;
    }

    /** Adds an event the kiosk missed. */
    public CheckInEvent add(String code, Instant at, Direction direction, String reason, String actor) {
        String why = requireReason(reason);
        return db.inTransaction(c -> {
            long id = employees.require(code).id();
            CheckInEvent e = events.insert(new EventRepository.NewEvent(id, at, zone, direction, null, null, null,
                    why, actor));
            audit.record(actor, AuditLog.CORRECTION, code, "added event " + e.id() + ": " + direction + " at " + at
                    + "; reason: " + why);
            return e;
        });
    }

    /** Changes the time and direction of an event. */
    public CheckInEvent edit(long eventId, Instant at, Direction direction, String reason, String actor) {
        String why = requireReason(reason);
        return db.inTransaction(c -> {
            CheckInEvent before = events.find(eventId).orElseThrow(() ->
                    new StoreException(StoreException.Kind.NOT_FOUND, "no check-in event with id " + eventId));
            CheckInEvent after = events.correct(eventId, at, direction, why, actor);
            audit.record(actor, AuditLog.CORRECTION, before.code(), "edited event " + eventId + ": "
                    + before.direction() + " at " + before.at() + " -> " + direction + " at " + at + "; reason: " + why);
            return after;
        });
    }

    /** Removes a wrong event. */
    public void remove(long eventId, String reason, String actor) {
        String why = requireReason(reason);
        db.run(c -> {
            CheckInEvent before = events.find(eventId).orElseThrow(() ->
                    new StoreException(StoreException.Kind.NOT_FOUND, "no check-in event with id " + eventId));
            events.delete(eventId);
            audit.record(actor, AuditLog.CORRECTION, before.code(), "removed event " + eventId + ": "
                    + before.direction() + " at " + before.at() + "; reason: " + why);
        });
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new StoreException(StoreException.Kind.INVALID, "a correction needs a reason");
        }
        return reason.strip();
    }
}
