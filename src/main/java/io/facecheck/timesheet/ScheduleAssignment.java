package io.facecheck.timesheet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * "From {@code effectiveFrom} on, {@code shiftName} is worked on {@code days}", for one employee
 * ({@code employeeCode}) or for a whole department ({@code department}); exactly one of the two is set.
 * {@code shiftName} may be {@link Shift#OFF} to make those weekdays rest days.
 *
 * <p>Resolution (see docs/timesheets.md): for a date and weekday, the employee's own assignment with the latest
 * {@code effectiveFrom} on or before the date that covers the weekday wins; failing that, the department's;
 * failing that, the day is a rest day. A later assignment never changes the dates before its
 * {@code effectiveFrom}, so changing a schedule never rewrites past months.
 */
public record ScheduleAssignment(String employeeCode, String department, String shiftName, Set<java.time.DayOfWeek> days,
                                 LocalDate effectiveFrom) {
    public ScheduleAssignment {
        if ((employeeCode == null) == (department == null)) {
            throw new IllegalArgumentException("an assignment names either an employee or a department");
        }
        Objects.requireNonNull(shiftName, "shiftName");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("an assignment needs at least one weekday");
        }
        days = Set.copyOf(days);
    }

    public boolean covers(DayOfWeek day) {
        return days.contains(day);
    }
}
