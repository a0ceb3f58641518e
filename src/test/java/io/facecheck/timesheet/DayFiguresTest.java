package io.facecheck.timesheet;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static io.facecheck.timesheet.Berlin.DAY;
import static io.facecheck.timesheet.Berlin.FLEX;
import static io.facecheck.timesheet.Berlin.LATE;
import static io.facecheck.timesheet.Berlin.NIGHT;
import static io.facecheck.timesheet.Berlin.ZONE;
import static io.facecheck.timesheet.Berlin.date;
import static io.facecheck.timesheet.Berlin.in;
import static io.facecheck.timesheet.Berlin.local;
import static io.facecheck.timesheet.Berlin.out;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Day figures with hand-computed minutes; each case is a worked example in docs/timesheets.md. Unless a test says
 * otherwise, E1 works {@link Berlin#DAY} (09:00–17:00, grace 5/5, break 30, overtime after 30) Mon–Fri, so a
 * full day is scheduled 8 h − 30 = 450 minutes.
 */
class DayFiguresTest {
    private static final Map<String, Shift> SHIFTS = Map.of("Day", DAY, "Night", NIGHT, "Late", LATE, "Flex", FLEX);

    private static DayRow day(Shift shift, String date, List<Punch> punches) {
        return day(shift, date, punches, List.of(), List.of());
    }

    private static DayRow day(Shift shift, String date, List<Punch> punches, Collection<Holiday> holidays,
                              Collection<Leave> leave) {
        var assignment = new ScheduleAssignment("E1", null, shift.name(), EnumSet.allOf(DayOfWeek.class),
                date("2026-01-01"));
        var input = new TimesheetInput(date(date), date(date), ZONE, List.of(new TimesheetEmployee("E1", null)),
                SHIFTS, List.of(assignment), List.of(), holidays, leave, Map.of("E1", punches));
        List<DayRow> rows = TimesheetCalculator.compute(input).days();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void nightShiftAcrossMidnightBelongsToTheEvening() {
        // 22:00 → 06:00 = 480; − break 30 = 450 worked; scheduled 450
        DayRow d = day(NIGHT, "2026-03-02", List.of(in("2026-03-02T22:00"), out("2026-03-03T06:00")));

        assertThat(d.date()).isEqualTo(date("2026-03-02"));
        assertThat(d.status()).isEqualTo(DayStatus.PRESENT);
        assertThat(d.firstIn()).isEqualTo(local("2026-03-02T22:00"));
        assertThat(d.lastOut()).isEqualTo(local("2026-03-03T06:00"));
        assertThat(d.workedMinutes()).isEqualTo(450);
        assertThat(d.scheduledMinutes()).isEqualTo(450);
        assertThat(d.lateMinutes()).isZero();
        assertThat(d.earlyLeaveMinutes()).isZero();
        assertThat(d.overtimeMinutes()).isZero();
    }

    @Test
    void springForwardNightCountsSevenRealHours() {
        // Sat 03-28 22:00 CET = 21:00Z → Sun 03-29 06:00 CEST = 04:00Z: 420 real minutes; − 30 = 390 worked,
        // scheduled 420 − 30 = 390, so no early leave and no overtime
        DayRow d = day(NIGHT, "2026-03-28", List.of(in("2026-03-28T22:00"), out("2026-03-29T06:00")));

        assertThat(d.workedMinutes()).isEqualTo(390);
        assertThat(d.scheduledMinutes()).isEqualTo(390);
        assertThat(d.earlyLeaveMinutes()).isZero();
        assertThat(d.overtimeMinutes()).isZero();
        assertThat(d.lastOut()).isEqualTo(local("2026-03-29T06:00"));
    }

    @Test
    void fallBackNightCountsNineRealHoursWithoutOvertime() {
        // Sat 10-24 22:00 CEST = 20:00Z → Sun 10-25 06:00 CET = 05:00Z: 540 real minutes; − 30 = 510 worked,
        // scheduled 540 − 30 = 510: the extra hour is paid as worked time, not as overtime
        DayRow d = day(NIGHT, "2026-10-24", List.of(in("2026-10-24T22:00"),
                new Punch(java.time.Instant.parse("2026-10-25T05:00:00Z"), PunchType.OUT)));

        assertThat(d.workedMinutes()).isEqualTo(510);
        assertThat(d.scheduledMinutes()).isEqualTo(510);
        assertThat(d.overtimeMinutes()).isZero();
        assertThat(d.lastOut()).isEqualTo(local("2026-10-25T06:00"));
    }

    @Test
    void arrivingExactlyGraceInMinutesLateIsOnTime() {
        // 09:05:00 − 09:00 = 5 min ≤ grace 5 → 0; worked 09:05 → 17:00 = 475 − 30 = 445
        DayRow d = day(DAY, "2026-03-02", List.of(in("2026-03-02T09:05"), out("2026-03-02T17:00")));
        assertThat(d.lateMinutes()).isZero();
        assertThat(d.workedMinutes()).isEqualTo(445);
        // 09:05:59: 5 min 59 s, floored to 5 whole minutes → still on time
        assertThat(day(DAY, "2026-03-02", List.of(in("2026-03-02T09:05:59"), out("2026-03-02T17:00")))
                .lateMinutes()).isZero();
    }

    @Test
    void arrivingOneMinutePastGraceIsLateByAllOfIt() {
        // 09:06 − 09:00 = 6 min > grace 5 → late 6 (grace is a tolerance, not a deduction)
        DayRow d = day(DAY, "2026-03-02", List.of(in("2026-03-02T09:06"), out("2026-03-02T17:00")));
        assertThat(d.lateMinutes()).isEqualTo(6);
        assertThat(d.status()).isEqualTo(DayStatus.PRESENT);
    }

    @Test
    void leavingExactlyGraceOutMinutesEarlyIsAFullDayAndOneMoreIsEarlyByAllOfIt() {
        // 17:00 − 16:55 = 5 ≤ grace 5 → 0
        assertThat(day(DAY, "2026-03-02", List.of(in("2026-03-02T09:00"), out("2026-03-02T16:55")))
                .earlyLeaveMinutes()).isZero();
        // 17:00 − 16:54 = 6 > 5 → 6; worked 09:00 → 16:54 = 474 − 30 = 444
        DayRow d = day(DAY, "2026-03-02", List.of(in("2026-03-02T09:00"), out("2026-03-02T16:54")));
        assertThat(d.earlyLeaveMinutes()).isEqualTo(6);
        assertThat(d.workedMinutes()).isEqualTo(444);
    }

    @Test
    void breakIsDeductedOnlyWhenTheSpanExceedsIt() {
        // 09:00 → 17:00 = 480 − 30 = 450
        assertThat(day(DAY, "2026-03-02", List.of(in("2026-03-02T09:00"), out("2026-03-02T17:00")))
                .workedMinutes()).isEqualTo(450);
        // 09:00 → 09:20: span 20 ≤ break 30, nothing deducted → 20
        assertThat(day(DAY, "2026-03-02", List.of(in("2026-03-02T09:00"), out("2026-03-02T09:20")))
                .workedMinutes()).isEqualTo(20);
    }

    @Test
    void timeCheckedOutBetweenPairsCountsTowardsTheBreak() {
        // 09:00–12:00 (180) + 12:20–17:00 (280) = 460; 20 min already out, so 30 − 20 = 10 more → 450
        assertThat(day(DAY, "2026-03-02", List.of(in("2026-03-02T09:00"), out("2026-03-02T12:00"),
                in("2026-03-02T12:20"), out("2026-03-02T17:00"))).workedMinutes()).isEqualTo(450);
        // 09:00–12:00 (180) + 12:45–17:00 (255) = 435; 45 min out ≥ 30, nothing more → 435
        assertThat(day(DAY, "2026-03-02", List.of(in("2026-03-02T09:00"), out("2026-03-02T12:00"),
                in("2026-03-02T12:45"), out("2026-03-02T17:00"))).workedMinutes()).isEqualTo(435);
    }

    @Test
    void overtimeCountsOnlyOnceItReachesTheThresholdAndThenAllOfIt() {
        // 09:00 → 17:29 = 509 − 30 = 479; 479 − 450 = 29 < 30 → 0
        assertThat(day(DAY, "2026-03-02", List.of(in("2026-03-02T09:00"), out("2026-03-02T17:29")))
                .overtimeMinutes()).isZero();
        // 09:00 → 17:30 = 510 − 30 = 480; 480 − 450 = 30 ≥ 30 → 30
        assertThat(day(DAY, "2026-03-02", List.of(in("2026-03-02T09:00"), out("2026-03-02T17:30")))
                .overtimeMinutes()).isEqualTo(30);
    }

    @Test
    void flexitimeHasNoLatenessOnlyShortHours() {
        // 10:00 → 17:00 = 420 − 30 = 390 worked; required 480 → short 90, reported as early leave; late 0
        DayRow d = day(FLEX, "2026-03-02", List.of(in("2026-03-02T10:00"), out("2026-03-02T17:00")));
        assertThat(d.status()).isEqualTo(DayStatus.PRESENT);
        assertThat(d.scheduledMinutes()).isEqualTo(480);
        assertThat(d.workedMinutes()).isEqualTo(390);
        assertThat(d.lateMinutes()).isZero();
        assertThat(d.earlyLeaveMinutes()).isEqualTo(90);
        // 07:30 → 16:30 = 540 − 30 = 510; 510 − 480 = 30 ≥ 30 → overtime 30, no short hours
        DayRow longer = day(FLEX, "2026-03-02", List.of(in("2026-03-02T07:30"), out("2026-03-02T16:30")));
        assertThat(longer.earlyLeaveMinutes()).isZero();
        assertThat(longer.overtimeMinutes()).isEqualTo(30);
    }

    @Test
    void holidayWithoutWork() {
        DayRow d = day(DAY, "2026-04-03", List.of(), List.of(new Holiday(date("2026-04-03"), "Good Friday")),
                List.of());
        assertThat(d.status()).isEqualTo(DayStatus.HOLIDAY);
        assertThat(d.shift()).isEqualTo("Day");
        assertThat(d.scheduledMinutes()).isZero();
        assertThat(d.workedMinutes()).isZero();
        assertThat(d.overtimeMinutes()).isZero();
    }

    @Test
    void holidayWorkIsAllOvertimeWithoutThresholdOrLateness() {
        var goodFriday = List.of(new Holiday(date("2026-04-03"), "Good Friday"));
        // 10:00 → 14:00 = 240 − break 30 = 210, all overtime; 10:00 is not "late" on a holiday
        DayRow d = day(DAY, "2026-04-03", List.of(in("2026-04-03T10:00"), out("2026-04-03T14:00")), goodFriday,
                List.of());
        assertThat(d.status()).isEqualTo(DayStatus.PRESENT);
        assertThat(d.workedMinutes()).isEqualTo(210);
        assertThat(d.overtimeMinutes()).isEqualTo(210);
        assertThat(d.lateMinutes()).isZero();
        assertThat(d.earlyLeaveMinutes()).isZero();
        // 10:00 → 10:20 = 20 (span ≤ break): overtime 20 although under the 30-minute threshold
        assertThat(day(DAY, "2026-04-03", List.of(in("2026-04-03T10:00"), out("2026-04-03T10:20")), goodFriday,
                List.of()).overtimeMinutes()).isEqualTo(20);
    }

    @Test
    void restDayWorkIsAllOvertimeWithNoBreak() {
        // Sat 2026-03-07 with E1 on Mon–Fri only: 10:00 → 12:00 = 120, no shift so no break, all overtime
        var weekdays = new TimesheetInput(date("2026-03-07"), date("2026-03-07"), ZONE,
                List.of(new TimesheetEmployee("E1", null)), SHIFTS, List.of(Berlin.weekdays("E1", DAY, "2026-01-01")),
                List.of(), List.of(), List.of(), Map.of("E1", List.of(in("2026-03-07T10:00"), out("2026-03-07T12:00"))));
        DayRow d = TimesheetCalculator.compute(weekdays).days().get(0);
        assertThat(d.shift()).isNull();
        assertThat(d.status()).isEqualTo(DayStatus.PRESENT);
        assertThat(d.workedMinutes()).isEqualTo(120);
        assertThat(d.scheduledMinutes()).isZero();
        assertThat(d.overtimeMinutes()).isEqualTo(120);
    }

    @Test
    void fullDayLeaveKeepsTheScheduledMinutes() {
        DayRow d = day(DAY, "2026-03-03", List.of(), List.of(),
                List.of(new Leave("E1", date("2026-03-02"), date("2026-03-04"), "annual", null)));
        assertThat(d.status()).isEqualTo(DayStatus.LEAVE);
        assertThat(d.leaveType()).isEqualTo("annual");
        assertThat(d.scheduledMinutes()).isEqualTo(450);
        assertThat(d.workedMinutes()).isZero();
        assertThat(d.lateMinutes()).isZero();
        assertThat(d.earlyLeaveMinutes()).isZero();
        assertThat(d.overtimeMinutes()).isZero();
    }

    @Test
    void hourlyLeaveReducesTheScheduledMinutesAndExcusesTheLateArrival() {
        var doctor = List.of(new Leave("E1", date("2026-03-03"), date("2026-03-03"), "doctor", 120));
        // scheduled 450 − 120 = 330; arrives 11:00: late 120 − 120 leave = 0; 11:00 → 17:00 = 360 − 30 = 330
        DayRow d = day(DAY, "2026-03-03", List.of(in("2026-03-03T11:00"), out("2026-03-03T17:00")), List.of(),
                doctor);
        assertThat(d.status()).isEqualTo(DayStatus.PRESENT);
        assertThat(d.leaveType()).isEqualTo("doctor");
        assertThat(d.scheduledMinutes()).isEqualTo(330);
        assertThat(d.workedMinutes()).isEqualTo(330);
        assertThat(d.lateMinutes()).isZero();
        assertThat(d.earlyLeaveMinutes()).isZero();
        assertThat(d.overtimeMinutes()).isZero();
        // leaves 15:00 instead: late 0; early 120 − 120 leave = 0
        assertThat(day(DAY, "2026-03-03", List.of(in("2026-03-03T09:00"), out("2026-03-03T15:00")), List.of(),
                doctor).earlyLeaveMinutes()).isZero();
        // 11:10: late 130 − 120 = 10 > grace 5 → 10
        assertThat(day(DAY, "2026-03-03", List.of(in("2026-03-03T11:10"), out("2026-03-03T17:00")), List.of(),
                doctor).lateMinutes()).isEqualTo(10);
    }

    @Test
    void hourlyLeaveSplitsBetweenLateArrivalAndEarlyDeparture() {
        var doctor = List.of(new Leave("E1", date("2026-03-03"), date("2026-03-03"), "doctor", 120));
        // 10:00 → 16:00: late 60 (60 of leave used), early 60 − the 60 left = 0
        DayRow d = day(DAY, "2026-03-03", List.of(in("2026-03-03T10:00"), out("2026-03-03T16:00")), List.of(),
                doctor);
        assertThat(d.lateMinutes()).isZero();
        assertThat(d.earlyLeaveMinutes()).isZero();
        // 10:00 → 15:50: early 70 − 60 left = 10 > grace 5 → 10
        assertThat(day(DAY, "2026-03-03", List.of(in("2026-03-03T10:00"), out("2026-03-03T15:50")), List.of(),
                doctor).earlyLeaveMinutes()).isEqualTo(10);
    }

    @Test
    void hourlyLeaveOfTheWholeDayWithoutWorkIsLeave() {
        DayRow d = day(DAY, "2026-03-03", List.of(), List.of(),
                List.of(new Leave("E1", date("2026-03-03"), date("2026-03-03"), "sick", 450)));
        assertThat(d.status()).isEqualTo(DayStatus.LEAVE);
        assertThat(d.scheduledMinutes()).isZero();
    }

    @Test
    void scheduledDayWithoutAnInIsAbsent() {
        DayRow d = day(DAY, "2026-03-02", List.of());
        assertThat(d.status()).isEqualTo(DayStatus.ABSENT);
        assertThat(d.scheduledMinutes()).isEqualTo(450);
        assertThat(d.workedMinutes()).isZero();
        assertThat(d.firstIn()).isNull();
        assertThat(d.lastOut()).isNull();
        assertThat(d.lateMinutes()).isZero();
        assertThat(d.earlyLeaveMinutes()).isZero();
    }

    @Test
    void anInWithoutAnOutIsIncompleteWithNoWorkedTimeAndNoEarlyLeave() {
        DayRow d = day(DAY, "2026-03-02", List.of(in("2026-03-02T09:20")));
        assertThat(d.status()).isEqualTo(DayStatus.INCOMPLETE);
        assertThat(d.firstIn()).isEqualTo(local("2026-03-02T09:20"));
        assertThat(d.lastOut()).isNull();
        assertThat(d.workedMinutes()).isZero();
        assertThat(d.lateMinutes()).isEqualTo(20);
        assertThat(d.earlyLeaveMinutes()).isZero();
    }

    @Test
    void repeatedInsCountFromTheFirstAndRepeatedOutsUntilTheLast() {
        // IN 09:00, IN 09:30, OUT 16:00, OUT 17:00 → one pair 09:00 → 17:00 = 480 − 30 = 450
        DayRow d = day(DAY, "2026-03-02", List.of(in("2026-03-02T09:30"), in("2026-03-02T09:00"),
                out("2026-03-02T16:00"), out("2026-03-02T17:00")));
        assertThat(d.status()).isEqualTo(DayStatus.PRESENT);
        assertThat(d.workedMinutes()).isEqualTo(450);
        assertThat(d.earlyLeaveMinutes()).isZero();
    }

    @Test
    void anOutBeforeAnyInIsAMissingCheckInAndCountsNoTime() {
        // OUT 12:00 with no IN before it (missing check-in), then IN 13:00 → OUT 17:00 = 240 − 30 = 210
        DayRow d = day(DAY, "2026-03-02", List.of(out("2026-03-02T12:00"), in("2026-03-02T13:00"),
                out("2026-03-02T17:00")));
        assertThat(d.status()).isEqualTo(DayStatus.INCOMPLETE);
        assertThat(d.workedMinutes()).isEqualTo(210);
        assertThat(d.lateMinutes()).isEqualTo(240);
    }
}
