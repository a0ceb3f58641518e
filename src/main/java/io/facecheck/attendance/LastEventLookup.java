package io.facecheck.attendance;

import io.facecheck.store.ScheduleSnapshot;
import io.facecheck.timesheet.ShiftOccurrence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Where the policy learns what a TOGGLE check-in's direction depends on (the store, in the application): the
 * person's last logged event, and the shift-day a check-in falls in.
 */
@FunctionalInterface
public interface LastEventLookup {
    /** The latest event of the employee with {@code code}, if any. */
    Optional<LastEvent> last(String code);

    /**
     * The shift-day of the employee with {@code code} that holds {@code at} (docs/timesheets.md, "Attribution").
     * This default knows no schedule: every day is a rest day, whose window is its calendar day in {@code zone}.
     */
    default ShiftOccurrence shiftDayAt(String code, Instant at, ZoneId zone) {
        return ScheduleSnapshot.NONE.shiftDayAt(code, at, zone);
    }

    /** No history: for a policy that only knows what it logged itself. */
    static LastEventLookup none() {
        return code -> Optional.empty();
    }
}
