package io.facecheck.timesheet;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A named timetable.
 *
 * <p>Fixed shift ({@code flexible == false}): work from {@code start} to {@code end}; an {@code end} at or before
 * {@code start} means the shift ends the next day (an end equal to the start is refused). {@code graceInMinutes}
 * late still count as on time, {@code graceOutMinutes} early still count as a full day.
 *
 * <p>Flexible shift: {@code requiredMinutes} of work anywhere between {@code start} (earliest start) and
 * {@code end} (latest end); there is no lateness, only short hours.
 *
 * <p>{@code breakMinutes} is unpaid and deducted when the worked span exceeds it. Overtime counts only once it
 * reaches {@code overtimeAfterMinutes} (default 30).
 */
public record Shift(String name, LocalTime start, LocalTime end, int graceInMinutes, int graceOutMinutes,
                    int breakMinutes, int overtimeAfterMinutes, boolean flexible, int requiredMinutes) {

    public static final int DEFAULT_OVERTIME_AFTER_MINUTES = 30;
    /** The roster and schedule word for a rest day. */
    public static final String OFF = "OFF";

    public Shift {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (graceInMinutes < 0 || graceOutMinutes < 0 || breakMinutes < 0 || overtimeAfterMinutes < 0) {
            throw new IllegalArgumentException("shift " + name + ": minutes cannot be negative");
        }
        if (!flexible && end.equals(start)) {
            throw new IllegalArgumentException("shift " + name + ": the end equals the start (" + start + ")");
        }
        if (flexible && requiredMinutes <= 0) {
            throw new IllegalArgumentException("shift " + name + ": a flexible shift needs its required hours");
        }
    }

    /** A fixed shift. */
    public static Shift fixed(String name, LocalTime start, LocalTime end, int graceIn, int graceOut,
                              int breakMinutes, int overtimeAfter) {
        return new Shift(name, start, end, graceIn, graceOut, breakMinutes, overtimeAfter, false, 0);
    }

    /** A flexitime shift: {@code requiredMinutes} between {@code earliest} and {@code latest}. */
    public static Shift flexible(String name, int requiredMinutes, LocalTime earliest, LocalTime latest,
                                 int breakMinutes, int overtimeAfter) {
        return new Shift(name, earliest, latest, 0, 0, breakMinutes, overtimeAfter, true, requiredMinutes);
    }

    /** Whether the shift ends on the day after it starts. */
    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }
}
