package io.facecheck.timesheet;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.facecheck.timesheet.Berlin.DAY;
import static io.facecheck.timesheet.Berlin.LATE;
import static io.facecheck.timesheet.Berlin.NIGHT;
import static io.facecheck.timesheet.Berlin.ZONE;
import static io.facecheck.timesheet.Berlin.date;
import static io.facecheck.timesheet.Berlin.in;
import static io.facecheck.timesheet.Berlin.out;
import static io.facecheck.timesheet.Berlin.weekdays;
import static org.assertj.core.api.Assertions.assertThat;

class TimesheetCalculatorTest {
    private static final Map<String, Shift> SHIFTS = Map.of("Day", DAY, "Night", NIGHT, "Late", LATE);

    private static TimesheetInput input(String from, String to, List<TimesheetEmployee> employees,
                                        List<ScheduleAssignment> assignments, List<RosterEntry> roster,
                                        List<Holiday> holidays, List<Leave> leave, Map<String, List<Punch>> punches) {
        return new TimesheetInput(date(from), date(to), ZONE, employees, SHIFTS, assignments, roster, holidays,
                leave, punches);
    }

    @Test
    void everyEmployeeHasARowForEveryDateSortedByCodeThenDateAndTheAbsentOnesToo() {
        // E2 (listed first) never checks in; E1 works Mon 2026-03-02 09:00–17:00
        Timesheet t = TimesheetCalculator.compute(input("2026-03-02", "2026-03-08",
                List.of(new TimesheetEmployee("E2", null), new TimesheetEmployee("E1", null)),
                List.of(weekdays("E1", DAY, "2026-01-01"), weekdays("E2", DAY, "2026-01-01")), List.of(), List.of(),
                List.of(), Map.of("E1", List.of(in("2026-03-02T09:00"), out("2026-03-02T17:00")))));

        assertThat(t.days()).hasSize(14);
        assertThat(t.days()).extracting(DayRow::code).containsExactly("E1", "E1", "E1", "E1", "E1", "E1", "E1",
                "E2", "E2", "E2", "E2", "E2", "E2", "E2");
        assertThat(t.days().subList(7, 14)).extracting(DayRow::status).containsExactly(DayStatus.ABSENT,
                DayStatus.ABSENT, DayStatus.ABSENT, DayStatus.ABSENT, DayStatus.ABSENT, DayStatus.REST, DayStatus.REST);
        // E1: 5 scheduled days, present Mon, absent Tue–Fri; worked 480 − 30 = 450
        assertThat(t.totals()).containsExactly(
                new Totals("E1", 5, 1, 4, 0, 0, 0, 0, 0, 450, 0, 0),
                new Totals("E2", 5, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void totalsAddUpLateEarlyOvertimeLeaveAndMissingCheckouts() {
        // Mon: late 10 (09:10 − 09:00), worked 09:10 → 17:00 = 470 − 30 = 440
        // Tue: early 20 (17:00 − 16:40), worked 09:00 → 16:40 = 460 − 30 = 430
        // Wed: overtime: 09:00 → 18:00 = 540 − 30 = 510; 510 − 450 = 60 ≥ 30 → 60
        // Thu: IN 09:00 only → incomplete, a missing checkout, worked 0
        // Fri: annual leave; Sat: 10:00 → 12:00 on a rest day = 120, all overtime
        Timesheet t = TimesheetCalculator.compute(input("2026-03-02", "2026-03-08",
                List.of(new TimesheetEmployee("E1", null)), List.of(weekdays("E1", DAY, "2026-01-01")), List.of(),
                List.of(), List.of(new Leave("E1", date("2026-03-06"), date("2026-03-06"), "annual", null)),
                Map.of("E1", List.of(in("2026-03-02T09:10"), out("2026-03-02T17:00"),
                        in("2026-03-03T09:00"), out("2026-03-03T16:40"),
                        in("2026-03-04T09:00"), out("2026-03-04T18:00"),
                        in("2026-03-05T09:00"),
                        in("2026-03-07T10:00"), out("2026-03-07T12:00")))));

        assertThat(t.days()).extracting(DayRow::status).containsExactly(DayStatus.PRESENT, DayStatus.PRESENT,
                DayStatus.PRESENT, DayStatus.INCOMPLETE, DayStatus.LEAVE, DayStatus.PRESENT, DayStatus.REST);
        // worked 440 + 430 + 510 + 0 + 0 + 120 = 1500; overtime 60 + 120 = 180; present Mon–Thu and Sat = 5
        assertThat(t.totals()).containsExactly(new Totals("E1", 5, 5, 0, 1, 1, 10, 1, 20, 1500, 180, 1));
    }

    @Test
    void rosterOverrideOfAWeekdayScheduleChangesTheDayAndItsWindow() {
        // Day Mon–Fri; the roster puts Wed 2026-03-04 on Night. The 06:00 OUT on Thu belongs to Wed's night,
        // and Thu's Day shift starts its own pair at 14:00 (a late arrival: 14:00 − 09:00 = 300)
        Timesheet t = TimesheetCalculator.compute(input("2026-03-04", "2026-03-05",
                List.of(new TimesheetEmployee("E1", null)), List.of(weekdays("E1", DAY, "2026-01-01")),
                List.of(new RosterEntry("E1", date("2026-03-04"), "Night")), List.of(), List.of(),
                Map.of("E1", List.of(in("2026-03-04T22:00"), out("2026-03-05T06:00"),
                        in("2026-03-05T14:00"), out("2026-03-05T17:00")))));

        DayRow wed = t.days().get(0);
        assertThat(wed.shift()).isEqualTo("Night");
        assertThat(wed.workedMinutes()).isEqualTo(450); // 480 − 30
        assertThat(wed.lateMinutes()).isZero();
        DayRow thu = t.days().get(1);
        assertThat(thu.shift()).isEqualTo("Day");
        assertThat(thu.lateMinutes()).isEqualTo(300);
        assertThat(thu.workedMinutes()).isEqualTo(150); // 14:00 → 17:00 = 180 − 30
    }

    @Test
    void scheduleChangedMidMonthLeavesTheEarlierWeeksAsTheyWere() {
        // Day Mon–Fri all March, every weekday worked 09:00–17:00; from Mon 2026-03-16 the schedule becomes Late
        List<Punch> punches = new ArrayList<>();
        for (LocalDate d = date("2026-03-02"); !d.isAfter(date("2026-03-31")); d = d.plusDays(1)) {
            if (Berlin.WEEKDAYS.contains(d.getDayOfWeek())) {
                punches.add(in(d + "T09:00"));
                punches.add(out(d + "T17:00"));
            }
        }
        var employees = List.of(new TimesheetEmployee("E1", null));
        Timesheet before = TimesheetCalculator.compute(input("2026-03-01", "2026-03-31", employees,
                List.of(weekdays("E1", DAY, "2026-01-01")), List.of(), List.of(), List.of(), Map.of("E1", punches)));
        Timesheet after = TimesheetCalculator.compute(input("2026-03-01", "2026-03-31", employees,
                List.of(weekdays("E1", DAY, "2026-01-01"), weekdays("E1", LATE, "2026-03-16")), List.of(), List.of(),
                List.of(), Map.of("E1", punches)));

        // March 1–15 are the first 15 rows: identical
        assertThat(after.days().subList(0, 15)).isEqualTo(before.days().subList(0, 15));
        DayRow mon16 = after.days().get(15);
        assertThat(mon16.shift()).isEqualTo("Late");
        // 09:00 IN on a 13:00 Late shift: 09:00 lies in Mon 16's window (from Mon 00:00, Sun being a rest day),
        // so it is not late; the 17:00 OUT is 21:00 − 17:00 = 240 early
        assertThat(mon16.lateMinutes()).isZero();
        assertThat(mon16.earlyLeaveMinutes()).isEqualTo(240);
        assertThat(before.days().get(15).earlyLeaveMinutes()).isZero();
    }

    @Test
    void periodEdgesUseTheEventsJustOutsideThePeriod() {
        // Night Mon–Fri; the period is Tue 2026-03-03 only. Mon's 06:00-Tue OUT is not Tue's; Tue's night ends Wed
        Timesheet t = TimesheetCalculator.compute(input("2026-03-03", "2026-03-03",
                List.of(new TimesheetEmployee("E1", null)), List.of(weekdays("E1", NIGHT, "2026-01-01")), List.of(),
                List.of(), List.of(), Map.of("E1", List.of(in("2026-03-02T22:00"), out("2026-03-03T06:00"),
                        in("2026-03-03T22:00"), out("2026-03-04T06:00"), in("2026-03-04T22:00")))));

        assertThat(t.days()).hasSize(1);
        DayRow tue = t.days().get(0);
        assertThat(tue.status()).isEqualTo(DayStatus.PRESENT);
        assertThat(tue.firstIn()).isEqualTo(Berlin.local("2026-03-03T22:00"));
        assertThat(tue.lastOut()).isEqualTo(Berlin.local("2026-03-04T06:00"));
        assertThat(tue.workedMinutes()).isEqualTo(450);
    }

    @Test
    void holidayAndLeaveAreCountedOnlyOnWorkingDays() {
        // Annual leave Mon 03-02 .. Sun 03-08; Fri 03-06 is a holiday. Leave days: Mon–Thu = 4; Fri holiday;
        // Sat, Sun rest days. Scheduled days: Mon–Thu = 4 (a holiday is not scheduled)
        Timesheet t = TimesheetCalculator.compute(input("2026-03-02", "2026-03-08",
                List.of(new TimesheetEmployee("E1", null)), List.of(weekdays("E1", DAY, "2026-01-01")), List.of(),
                List.of(new Holiday(date("2026-03-06"), "Founders' Day")),
                List.of(new Leave("E1", date("2026-03-02"), date("2026-03-08"), "annual", null)), Map.of()));

        assertThat(t.days()).extracting(DayRow::status).containsExactly(DayStatus.LEAVE, DayStatus.LEAVE,
                DayStatus.LEAVE, DayStatus.LEAVE, DayStatus.HOLIDAY, DayStatus.REST, DayStatus.REST);
        assertThat(t.days()).extracting(DayRow::leaveType).containsExactly("annual", "annual", "annual", "annual",
                null, null, null);
        assertThat(t.totals()).containsExactly(new Totals("E1", 4, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0));
    }
}
