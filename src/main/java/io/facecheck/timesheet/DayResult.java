package io.facecheck.timesheet;

import java.util.Objects;

/**
 * A shift-day's row plus the two facts the period totals need that the row does not show: whether the day was a
 * working day (a shift that is not a holiday; it counts as scheduled), and whether an IN was left without an OUT.
 */
public record DayResult(DayRow row, boolean workingDay, boolean missingCheckout) {
    public DayResult {
        Objects.requireNonNull(row, "row");
    }
}
