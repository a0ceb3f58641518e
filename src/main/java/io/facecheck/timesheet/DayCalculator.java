package io.facecheck.timesheet;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The figures of one employee's shift-day (docs/timesheets.md, "Day figures"). All durations are taken in seconds
 * between instants and each figure is floored to whole minutes at the end.
 *
 * <ul>
 *   <li>A <em>working day</em> has a shift and is not a holiday. Leave counts only on working days.</li>
 *   <li>{@code status}: with punches, {@code incomplete} when one of them pairs with nothing (a missing checkout or
 *       a missing check-in), else {@code present}; without punches, {@code holiday}, {@code rest} (no shift),
 *       {@code leave} (full-day leave, or hourly leave covering all of the scheduled minutes), else
 *       {@code absent}.</li>
 *   <li>{@code scheduledMinutes}: 0 unless a working day; fixed shift: its real length that day minus the break;
 *       flexible shift: the required minutes; less hourly leave (not below 0). Full-day leave leaves it as it is.</li>
 *   <li>{@code lateMinutes} (fixed shifts): whole minutes from the scheduled start to the first IN, less hourly
 *       leave; 0 when that is at most {@code graceIn}, else all of it (grace is a tolerance, not a deduction).</li>
 *   <li>{@code earlyLeaveMinutes}: fixed shift: whole minutes from the last OUT to the scheduled end, less what
 *       hourly leave did not already excuse of the lateness, 0 when at most {@code graceOut}; flexible shift: the
 *       short hours, scheduled minus worked. Only on a complete day (an unknown departure is not an early one).</li>
 *   <li>{@code overtimeMinutes}: on a working day without full-day leave, worked minus scheduled when that reaches
 *       {@code overtimeAfter} (then all of it); on a rest day, a holiday or a full-day leave day, all worked time,
 *       with no threshold.</li>
 * </ul>
 */
public final class DayCalculator {
    private DayCalculator() {
    }

    /**
     * @param occurrence the shift-day
     * @param holiday    whether {@code occurrence.date()} is a holiday
     * @param leave      the employee's leave covering the date, or null
     * @param punches    the punches in the occurrence's window, in any order
     * @param zone       the report zone for {@code firstIn}/{@code lastOut}
     */
    public static DayResult compute(ShiftOccurrence occurrence, boolean holiday, Leave leave, List<Punch> punches,
                                    ZoneId zone) {
        Shift shift = occurrence.shift();
        boolean working = shift != null && !holiday;
        Leave dayLeave = working ? leave : null;
        boolean fullLeave = dayLeave != null && dayLeave.fullDays();
        int leaveMinutes = dayLeave != null && !fullLeave ? dayLeave.minutes() : 0;
        PunchPairs pairs = PunchPairs.of(punches);

        int planned = working ? plannedMinutes(occurrence) : 0;
        int scheduled = Math.max(0, planned - leaveMinutes);
        int worked = (int) (pairs.workedSeconds(shift == null ? 0 : shift.breakMinutes()) / 60);

        DayStatus status;
        if (!pairs.isEmpty()) {
            status = pairs.complete() ? DayStatus.PRESENT : DayStatus.INCOMPLETE;
        } else if (holiday) {
            status = DayStatus.HOLIDAY;
        } else if (shift == null) {
            status = DayStatus.REST;
        } else if (fullLeave || (dayLeave != null && scheduled == 0)) {
            status = DayStatus.LEAVE;
        } else {
            status = DayStatus.ABSENT;
        }

        int late = 0;
        int early = 0;
        int overtime;
        if (working && !fullLeave) {
            if (shift.flexible()) {
                early = pairs.complete() && !pairs.isEmpty() ? graced(scheduled - worked, shift.graceOutMinutes()) : 0;
            } else {
                int lateRaw = pairs.firstIn() == null ? 0
                        : wholeMinutes(occurrence.scheduledStart().toInstant(), pairs.firstIn());
                int excusedLate = Math.min(lateRaw, leaveMinutes);
                late = graced(lateRaw - excusedLate, shift.graceInMinutes());
                if (pairs.complete() && pairs.lastOut() != null) {
                    int earlyRaw = wholeMinutes(pairs.lastOut(), occurrence.scheduledEnd().toInstant());
                    early = graced(earlyRaw - (leaveMinutes - excusedLate), shift.graceOutMinutes());
                }
            }
            int extra = worked - scheduled;
            overtime = extra > 0 && extra >= shift.overtimeAfterMinutes() ? extra : 0;
        } else {
            overtime = worked;
        }

        DayRow row = new DayRow(occurrence.employeeCode(), occurrence.date(), shift == null ? null : shift.name(),
                status, local(pairs.firstIn(), zone), local(pairs.lastOut(), zone), worked, scheduled, late, early,
                overtime, dayLeave == null ? null : dayLeave.type());
        return new DayResult(row, working, pairs.unmatchedIn());
    }

    /** The minutes a shift expects that day before leave: real length minus break, or the flexible requirement. */
    static int plannedMinutes(ShiftOccurrence occurrence) {
        Shift shift = occurrence.shift();
        if (shift.flexible()) {
            return shift.requiredMinutes();
        }
        long seconds = Duration.between(occurrence.scheduledStart(), occurrence.scheduledEnd()).getSeconds()
                - shift.breakMinutes() * 60L;
        return (int) Math.max(0, seconds / 60);
    }

    /** Whole minutes from {@code a} to {@code b}, 0 when {@code b} is not after {@code a}. */
    private static int wholeMinutes(Instant a, Instant b) {
        return (int) Math.max(0, Duration.between(a, b).getSeconds() / 60);
    }

    /** {@code minutes}, or 0 when it is within {@code grace}. */
    private static int graced(int minutes, int grace) {
        return minutes > grace ? minutes : 0;
    }

    private static LocalDateTime local(Instant at, ZoneId zone) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }
}
