package io.facecheck.timesheet;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which shift-day an event belongs to (docs/timesheets.md, "Attribution").
 *
 * <p>Every employee's time is cut into consecutive windows, one per date; an event belongs to the shift-day whose
 * window holds it. The cut between date {@code d} and date {@code d+1}:
 * <ul>
 *   <li>both have a shift: the midpoint between the end of {@code d}'s shift and the start of {@code d+1}'s;</li>
 *   <li>{@code d} has a shift, {@code d+1} is a rest day: the later of midnight before {@code d+1} and the shift's
 *       <em>natural end</em> (its end plus half the time left to 24 hours after its start);</li>
 *   <li>{@code d} is a rest day, {@code d+1} has a shift: the earlier of that midnight and the shift's <em>natural
 *       start</em> (its start minus the same half);</li>
 *   <li>both are rest days: that midnight.</li>
 * </ul>
 * So a shift reaches as far into a neighbouring rest day as it would reach towards the same shift repeated the
 * next day (a 22:00–06:00 shift keeps events until 14:00), a shift always keeps its own calendar day, and a rest
 * day keeps what is left of its calendar day. Where two shifts squeeze a rest day out entirely, the earlier shift
 * keeps the contested time and the rest day's window is empty.
 *
 * <p>All of this is computed on instants, so a DST night has its real length. A window's cut depends on the
 * neighbouring two days, which is why {@link #occurrences} resolves the schedule of two days before and one day
 * after the dates asked for.
 */
public final class Attribution {
    private static final Duration DAY = Duration.ofHours(24);

    private final ScheduleResolver resolver;
    private final ZoneId zone;

    public Attribution(ScheduleResolver resolver, ZoneId zone) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The shift-days {@code from}..{@code to} (inclusive) of {@code employee}; their windows follow each other. */
    public List<ShiftOccurrence> occurrences(TimesheetEmployee employee, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        LocalDate first = from.minusDays(2);
        int count = (int) (to.toEpochDay() - first.toEpochDay()) + 2;
        Shift[] shifts = new Shift[count];
        ZonedDateTime[] starts = new ZonedDateTime[count];
        ZonedDateTime[] ends = new ZonedDateTime[count];
        for (int i = 0; i < count; i++) {
            LocalDate date = first.plusDays(i);
            shifts[i] = resolver.shiftOn(employee, date).orElse(null);
            if (shifts[i] != null) {
                starts[i] = ShiftOccurrence.startOf(shifts[i], date, zone);
                ends[i] = ShiftOccurrence.endOf(shifts[i], date, zone);
            }
        }
        Instant[] cuts = new Instant[count - 1]; // cuts[i]: between first+i and first+i+1
        for (int i = 0; i < cuts.length; i++) {
            Instant cut = cut(starts[i], ends[i], starts[i + 1], ends[i + 1], first.plusDays(i + 1));
            cuts[i] = i > 0 && cut.isBefore(cuts[i - 1]) ? cuts[i - 1] : cut;
        }
        List<ShiftOccurrence> result = new ArrayList<>(count - 3);
        for (int i = 2; i < count - 1; i++) {
            result.add(new ShiftOccurrence(employee.code(), first.plusDays(i), shifts[i], starts[i], ends[i],
                    cuts[i - 1], cuts[i]));
        }
        return result;
    }

    /** The shift-day of {@code employee} that an event at {@code at} belongs to. */
    public ShiftOccurrence occurrenceAt(TimesheetEmployee employee, Instant at) {
        LocalDate local = LocalDate.ofInstant(at, zone);
        // a window lies within 12 hours of its own calendar day, so one of these three holds any instant of `local`
        for (ShiftOccurrence o : occurrences(employee, local.minusDays(1), local.plusDays(1))) {
            if (o.contains(at)) {
                return o;
            }
        }
        throw new IllegalStateException("no shift-day of " + employee.code() + " holds " + at);
    }

    /** {@link #occurrenceAt(TimesheetEmployee, Instant)} in one call, for the kiosk. */
    public static ShiftOccurrence occurrenceAt(TimesheetEmployee employee, Instant at, ScheduleResolver resolver,
                                               ZoneId zone) {
        return new Attribution(resolver, zone).occurrenceAt(employee, at);
    }

    /**
     * The kiosk's TOGGLE rule: OUT when the last of {@code punches} that falls in {@code occurrence}'s window is an
     * IN, else IN. Punches outside the window are ignored, so the caller may pass more than the window holds.
     */
    public static PunchType nextDirection(ShiftOccurrence occurrence, List<Punch> punches) {
        Punch last = null;
        for (Punch p : punches) {
            if (occurrence.contains(p.at()) && (last == null || !p.at().isBefore(last.at()))) {
                last = p;
            }
        }
        return last != null && last.type() == PunchType.IN ? PunchType.OUT : PunchType.IN;
    }

    /**
     * The direction of a TOGGLE check-in by {@code employee} at {@code at}, given the employee's earlier punches
     * (those at or after {@code at} are ignored; those outside the occurrence's window too).
     */
    public PunchType directionAt(TimesheetEmployee employee, Instant at, List<Punch> punches) {
        ShiftOccurrence occurrence = occurrenceAt(employee, at);
        List<Punch> before = new ArrayList<>();
        for (Punch p : punches) {
            if (p.at().isBefore(at)) {
                before.add(p);
            }
        }
        return nextDirection(occurrence, before);
    }

    private Instant cut(ZonedDateTime start0, ZonedDateTime end0, ZonedDateTime start1, ZonedDateTime end1,
                        LocalDate second) {
        Instant midnight = second.atStartOfDay(zone).toInstant();
        if (start0 != null && start1 != null) {
            return midpoint(end0.toInstant(), start1.toInstant());
        }
        if (start0 != null) {
            Instant naturalEnd = end0.toInstant().plus(halfOffDuty(start0, end0));
            return naturalEnd.isAfter(midnight) ? naturalEnd : midnight;
        }
        if (start1 != null) {
            Instant naturalStart = start1.toInstant().minus(halfOffDuty(start1, end1));
            return naturalStart.isBefore(midnight) ? naturalStart : midnight;
        }
        return midnight;
    }

    /** Half the time between a shift's end and 24 hours after its start (0 for a shift of 24 hours or more). */
    private static Duration halfOffDuty(ZonedDateTime start, ZonedDateTime end) {
        Duration off = DAY.minus(Duration.between(start, end));
        return off.isNegative() ? Duration.ZERO : off.dividedBy(2);
    }

    private static Instant midpoint(Instant a, Instant b) {
        return a.plus(Duration.between(a, b).dividedBy(2));
    }
}
