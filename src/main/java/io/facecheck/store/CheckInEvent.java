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
 */
public record CheckInEvent(long id, long employeeId, String code, String name, String department, Instant at,
                           ZoneId zone, Direction direction, Double distance, Double liveness, String kioskId,
                           String correctionReason, String correctedBy, Instant recordedAt) {

    public ZonedDateTime localTime() {
        return at.atZone(zone);
    }

    public boolean manual() {
        return correctionReason != null;
    }
}
