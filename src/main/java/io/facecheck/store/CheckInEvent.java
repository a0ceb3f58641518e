package io.facecheck.store;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A logged check-in (or a manual correction), with the employee's current code, name and department.
 *
 * @param zone             zone of the kiosk when it was logged; {@link #localTime()} uses it
 * @param distance         squared L2 distance of the match (null for manual events)
 * @param liveness         anti-spoofing score (null when not checked)
 * @param correctionReason why an administrator added or changed it (null for kiosk events)
 * @param uuid             the name the kiosk gave the event (null for manual events and those logged before
 *                         version 5 of the schema); uploading a journalled event twice is refused by it
 * @param pending          logged in the kiosk's local journal while the server was unreachable, not yet uploaded
 *                         ({@code id} and {@code employeeId} are then 0)
 * @param method           how it was made: the face, the PIN fallback or by hand
 */
public record CheckInEvent(long id, long employeeId, String code, String name, String department, Instant at,
                           ZoneId zone, Direction direction, Double distance, Double liveness, String kioskId,
                           String correctionReason, String correctedBy, Instant recordedAt, String uuid,
                           boolean pending, CheckInMethod method) {

    public CheckInEvent {
        if (method == null) {
            method = correctionReason != null && distance == null && kioskId == null ? CheckInMethod.MANUAL
                    : CheckInMethod.FACE;
        }
    }

    /** An event whose method follows from its fields: manual with a reason and no kiosk, else by face. */
    public CheckInEvent(long id, long employeeId, String code, String name, String department, Instant at,
                        ZoneId zone, Direction direction, Double distance, Double liveness, String kioskId,
                        String correctionReason, String correctedBy, Instant recordedAt, String uuid,
                        boolean pending) {
        this(id, employeeId, code, name, department, at, zone, direction, distance, liveness, kioskId,
                correctionReason, correctedBy, recordedAt, uuid, pending, null);
    }

    public ZonedDateTime localTime() {
        return at.atZone(zone);
    }

    public boolean manual() {
        return correctionReason != null;
    }
}
