package io.facecheck.store;

import io.facecheck.timesheet.Attribution;
import io.facecheck.timesheet.RosterEntry;
import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.ScheduleResolver;
import io.facecheck.timesheet.Shift;
import io.facecheck.timesheet.ShiftOccurrence;
import io.facecheck.timesheet.TimesheetEmployee;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the kiosk's TOGGLE rule needs of the schedules to find the shift-day of a check-in: the shifts, the weekly
 * assignments, the roster entries of some dates, and the employees' departments (whose assignments apply to them).
 * Read from the store for one check-in, or for everyone into a kiosk's offline cache.
 *
 * @param departments department by employee code; an employee without one is absent
 */
public record ScheduleSnapshot(List<Shift> shifts, List<ScheduleAssignment> assignments, List<RosterEntry> roster,
                               Map<String, String> departments) {
    /** No schedule at all: every day is a rest day, whose window is its calendar day. */
    public static final ScheduleSnapshot NONE = new ScheduleSnapshot(List.of(), List.of(), List.of(), Map.of());

    public ScheduleSnapshot {
        shifts = List.copyOf(shifts);
        assignments = List.copyOf(assignments);
        roster = List.copyOf(roster);
        departments = Map.copyOf(departments);
    }

    /**
     * The schedules in {@code db} as they apply to the dates {@code from}..{@code to}: every shift, the assignments
     * effective by {@code to} (in the order they were made, which decides between two of the same date), and the
     * roster entries of those dates.
     *
     * @param code one employee's (their assignments, their department's, their roster), or null for everyone
     */
    public static ScheduleSnapshot load(Database db, String code, LocalDate from, LocalDate to) {
        Map<String, String> departments = new HashMap<>();
        if (code == null) {
            for (Employee e : new EmployeeRepository(db).list(true)) {
                if (e.department() != null) {
                    departments.put(e.code(), e.department());
                }
            }
        } else {
            new EmployeeRepository(db).findByCode(code).filter(e -> e.department() != null)
                    .ifPresent(e -> departments.put(code, e.department()));
        }
        ScheduleRepository schedules = new ScheduleRepository(db);
        List<ScheduleAssignment> assignments = schedules.assignments(to);
        List<RosterEntry> roster = schedules.roster(from, to);
        if (code != null) {
            String department = departments.get(code);
            assignments = assignments.stream().filter(a -> code.equals(a.employeeCode())
                    || department != null && department.equals(a.department())).toList();
            roster = roster.stream().filter(r -> code.equals(r.employeeCode())).toList();
        }
        return new ScheduleSnapshot(new ShiftRepository(db).list(), assignments, roster, departments);
    }

    /** The shift-day of {@code code} that an event at {@code at} belongs to ({@link Attribution}). */
    public ShiftOccurrence shiftDayAt(String code, Instant at, ZoneId zone) {
        Map<String, Shift> byName = new LinkedHashMap<>();
        shifts.forEach(s -> byName.put(s.name(), s));
        return Attribution.occurrenceAt(new TimesheetEmployee(code, departments.get(code)), at,
                new ScheduleResolver(byName, assignments, roster), Objects.requireNonNull(zone, "zone"));
    }
}
