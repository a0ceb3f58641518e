package io.facecheck.timesheet;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.facecheck.timesheet.Berlin.DAY;
import static io.facecheck.timesheet.Berlin.LATE;
import static io.facecheck.timesheet.Berlin.NIGHT;
import static io.facecheck.timesheet.Berlin.WEEKDAYS;
import static io.facecheck.timesheet.Berlin.date;
import static io.facecheck.timesheet.Berlin.weekdays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleResolverTest {
    private static final Map<String, Shift> SHIFTS = Map.of("Day", DAY, "Night", NIGHT, "Late", LATE);
    private static final TimesheetEmployee E1 = new TimesheetEmployee("E1", "Ops");

    @Test
    void rosterEntryOverridesTheWeekdaySchedule() {
        // Day Mon–Fri; the roster makes Wed 2026-03-04 a night, Thu 03-05 a rest day and Sat 03-07 a day shift
        var resolver = new ScheduleResolver(SHIFTS, List.of(weekdays("E1", DAY, "2026-03-01")), List.of(
                new RosterEntry("E1", date("2026-03-04"), "Night"),
                new RosterEntry("E1", date("2026-03-05"), "OFF"),
                new RosterEntry("E1", date("2026-03-07"), "Day")));

        assertThat(resolver.shiftOn(E1, date("2026-03-03"))).contains(DAY);
        assertThat(resolver.shiftOn(E1, date("2026-03-04"))).contains(NIGHT);
        assertThat(resolver.shiftOn(E1, date("2026-03-05"))).isEmpty();
        assertThat(resolver.shiftOn(E1, date("2026-03-06"))).contains(DAY);
        assertThat(resolver.shiftOn(E1, date("2026-03-07"))).contains(DAY);
        assertThat(resolver.shiftOn(E1, date("2026-03-08"))).isEmpty();
    }

    @Test
    void aNewAssignmentChangesOnlyTheDatesFromItsStart() {
        var resolver = new ScheduleResolver(SHIFTS, List.of(weekdays("E1", DAY, "2026-03-01"),
                weekdays("E1", LATE, "2026-03-16")), List.of());

        assertThat(resolver.shiftOn(E1, date("2026-03-13"))).contains(DAY);  // Friday before the change
        assertThat(resolver.shiftOn(E1, date("2026-03-16"))).contains(LATE); // Monday of the change
        assertThat(resolver.shiftOn(E1, date("2026-02-27"))).isEmpty();      // before any assignment
    }

    @Test
    void employeeAssignmentWinsOverTheDepartmentsForTheWeekdaysItCovers() {
        var ops = new ScheduleAssignment(null, "Ops", "Day", WEEKDAYS, date("2026-01-01"));
        var mine = new ScheduleAssignment("E1", null, "Late", Set.of(DayOfWeek.MONDAY), date("2026-03-01"));
        var resolver = new ScheduleResolver(SHIFTS, List.of(ops, mine), List.of());

        assertThat(resolver.shiftOn(E1, date("2026-03-02"))).contains(LATE); // Monday: own assignment
        assertThat(resolver.shiftOn(E1, date("2026-03-03"))).contains(DAY);  // Tuesday: department default
        assertThat(resolver.shiftOn(new TimesheetEmployee("E2", null), date("2026-03-03"))).isEmpty();
    }

    @Test
    void offInAnAssignmentMakesTheWeekdaysRestDays() {
        var ops = new ScheduleAssignment(null, "Ops", "Day", WEEKDAYS, date("2026-01-01"));
        var friOff = new ScheduleAssignment("E1", null, "OFF", Set.of(DayOfWeek.FRIDAY), date("2026-03-01"));
        var resolver = new ScheduleResolver(SHIFTS, List.of(ops, friOff), List.of());

        assertThat(resolver.shiftOn(E1, date("2026-03-06"))).isEmpty();
        assertThat(resolver.shiftOn(E1, date("2026-02-27"))).contains(DAY); // a Friday before it
    }

    @Test
    void amongAssignmentsFromTheSameDateTheLaterOneWins() {
        var resolver = new ScheduleResolver(SHIFTS, List.of(weekdays("E1", DAY, "2026-03-01"),
                weekdays("E1", LATE, "2026-03-01")), List.of());

        assertThat(resolver.shiftOn(E1, date("2026-03-02"))).contains(LATE);
    }

    @Test
    void anUnknownShiftIsNamed() {
        var resolver = new ScheduleResolver(SHIFTS, List.of(new ScheduleAssignment("E1", null, "Graveyard",
                WEEKDAYS, date("2026-03-01"))), List.of());

        assertThatThrownBy(() -> resolver.shiftOn(E1, date("2026-03-02")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the schedule of E1 on 2026-03-02 names an unknown shift: Graveyard");
    }
}
