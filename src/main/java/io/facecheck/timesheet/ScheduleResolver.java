package io.facecheck.timesheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which shift an employee works on a date (see docs/timesheets.md, "Which shift a day has").
 *
 * <ol>
 *   <li>A roster entry for the employee and the date wins; {@code OFF} makes the day a rest day.</li>
 *   <li>Else the employee's own {@link ScheduleAssignment} with the latest {@code effectiveFrom} on or before the
 *       date that covers the date's weekday; a shift name {@code OFF} makes the day a rest day.</li>
 *   <li>Else the employee's department's assignment, chosen the same way.</li>
 *   <li>Else the day is a rest day.</li>
 * </ol>
 * Two assignments of the same owner with the same {@code effectiveFrom} that both cover the weekday: the one later
 * in the collection wins (stores pass them in the order they were made). Only assignments effective on or before a
 * date are looked at, so a new assignment never changes the dates before it.
 */
public final class ScheduleResolver {
    private final Map<String, Shift> shiftsByName;
    private final Map<String, Map<LocalDate, RosterEntry>> rosterByCode = new HashMap<>();
    private final Map<String, List<ScheduleAssignment>> byEmployee = new HashMap<>();
    private final Map<String, List<ScheduleAssignment>> byDepartment = new HashMap<>();

    public ScheduleResolver(Map<String, Shift> shiftsByName, Collection<ScheduleAssignment> assignments,
                            Collection<RosterEntry> roster) {
        this.shiftsByName = Map.copyOf(shiftsByName);
        for (RosterEntry r : roster) {
            rosterByCode.computeIfAbsent(r.employeeCode(), c -> new HashMap<>()).put(r.date(), r);
        }
        List<ScheduleAssignment> ordered = new ArrayList<>(assignments);
        for (int i = ordered.size() - 1; i >= 0; i--) { // later in the collection first among equal dates
            ScheduleAssignment a = ordered.get(i);
            if (a.employeeCode() != null) {
                byEmployee.computeIfAbsent(a.employeeCode(), c -> new ArrayList<>()).add(a);
            } else {
                byDepartment.computeIfAbsent(a.department(), d -> new ArrayList<>()).add(a);
            }
        }
        // a stable sort keeps "later in the collection first" among assignments effective from the same date
        Comparator<ScheduleAssignment> newestFirst =
                Comparator.comparing(ScheduleAssignment::effectiveFrom).reversed();
        byEmployee.values().forEach(l -> l.sort(newestFirst));
        byDepartment.values().forEach(l -> l.sort(newestFirst));
    }

    /** The resolver over an input's shifts, assignments and roster. */
    public static ScheduleResolver of(TimesheetInput input) {
        return new ScheduleResolver(input.shiftsByName(), input.assignments(), input.roster());
    }

    /**
     * The shift {@code employee} works on {@code date}, or empty for a rest day.
     *
     * @throws IllegalArgumentException when the schedule names a shift that is not known
     */
    public Optional<Shift> shiftOn(TimesheetEmployee employee, LocalDate date) {
        Map<LocalDate, RosterEntry> roster = rosterByCode.get(employee.code());
        RosterEntry entry = roster == null ? null : roster.get(date);
        if (entry != null) {
            return named(entry.shiftName(), employee, date);
        }
        ScheduleAssignment a = latestCovering(byEmployee.get(employee.code()), date);
        if (a == null && employee.department() != null) {
            a = latestCovering(byDepartment.get(employee.department()), date);
        }
        return a == null ? Optional.empty() : named(a.shiftName(), employee, date);
    }

    private static ScheduleAssignment latestCovering(List<ScheduleAssignment> newestFirst, LocalDate date) {
        if (newestFirst == null) {
            return null;
        }
        for (ScheduleAssignment a : newestFirst) {
            if (!a.effectiveFrom().isAfter(date) && a.covers(date.getDayOfWeek())) {
                return a;
            }
        }
        return null;
    }

    private Optional<Shift> named(String name, TimesheetEmployee employee, LocalDate date) {
        if (Shift.OFF.equalsIgnoreCase(name)) {
            return Optional.empty();
        }
        Shift shift = shiftsByName.get(name);
        if (shift == null) {
            throw new IllegalArgumentException("the schedule of " + employee.code() + " on " + date
                    + " names an unknown shift: " + name);
        }
        return Optional.of(shift);
    }
}
