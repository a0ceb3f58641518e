package io.facecheck.timesheet;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything a timesheet over {@code from}..{@code to} (inclusive shift-start dates) in {@code zone} is computed
 * from. {@code punches} holds each employee's events by code, and should include the events of the day before
 * {@code from} and the day after {@code to} so that attribution at the period's edges is right.
 */
public record TimesheetInput(LocalDate from, LocalDate to, ZoneId zone, List<TimesheetEmployee> employees,
                             Map<String, Shift> shiftsByName, Collection<ScheduleAssignment> assignments,
                             Collection<RosterEntry> roster, Collection<Holiday> holidays, Collection<Leave> leave,
                             Map<String, List<Punch>> punches) {
}
