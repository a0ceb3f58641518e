package io.facecheck.timesheet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One employee's shift-day: the shift that starts on {@code date} (null on a rest day) and the window of time whose
 * events belong to it ({@code windowStart} inclusive, {@code windowEnd} exclusive; see {@link Attribution}).
 *
 * <p>{@code scheduledStart}/{@code scheduledEnd} are the shift's start and end on that date (for a flexible shift:
 * the earliest start and the latest end), null on a rest day. A local time that does not exist that day (the
 * spring-forward gap) is moved later by the length of the gap, and one that exists twice (the autumn overlap) takes
 * the earlier offset, as {@link ZonedDateTime#of} does.
 */
public record ShiftOccurrence(String employeeCode, LocalDate date, Shift shift, ZonedDateTime scheduledStart,
                              ZonedDateTime scheduledEnd, Instant windowStart, Instant windowEnd) {
    public ShiftOccurrence {
        Objects.requireNonNull(employeeCode, "employeeCode");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        if (windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("window ends before it starts: " + windowStart + " .. " + windowEnd);
        }
    }

    /** The scheduled start of {@code shift} on {@code date} in {@code zone}. */
    static ZonedDateTime startOf(Shift shift, LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(date, shift.start(), zone);
    }

    /** The scheduled end of {@code shift} begun on {@code date}: the next day when it crosses midnight. */
    static ZonedDateTime endOf(Shift shift, LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(shift.crossesMidnight() ? date.plusDays(1) : date, shift.end(), zone);
    }

    /** A day with no shift. */
    public boolean rest() {
        return shift == null;
    }

    /** Whether an event at {@code at} belongs to this shift-day. */
    public boolean contains(Instant at) {
        return !at.isBefore(windowStart) && at.isBefore(windowEnd);
    }
}
