package io.facecheck.timesheet;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.facecheck.timesheet.Berlin.DAY;
import static io.facecheck.timesheet.Berlin.NIGHT;
import static io.facecheck.timesheet.Berlin.ZONE;
import static io.facecheck.timesheet.Berlin.at;
import static io.facecheck.timesheet.Berlin.date;
import static io.facecheck.timesheet.Berlin.in;
import static io.facecheck.timesheet.Berlin.out;
import static io.facecheck.timesheet.Berlin.weekdays;
import static org.assertj.core.api.Assertions.assertThat;

class AttributionTest {
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    private static final TimesheetEmployee E1 = new TimesheetEmployee("E1", null);

    private static Attribution attribution(Shift shift) {
        var resolver = new ScheduleResolver(Map.of(shift.name(), shift), List.of(weekdays("E1", shift, "2026-01-01")),
                List.of());
        return new Attribution(resolver, ZONE);
    }

    @Test
    void nightShiftWindowsFollowEachOtherAcrossTheWeekend() {
        // Night 22:00–06:00 Mon–Fri, week of Mon 2026-03-02 (CET). docs/timesheets.md, table "Night shift windows".
        List<ShiftOccurrence> week = attribution(NIGHT).occurrences(E1, date("2026-03-02"), date("2026-03-09"));

        assertThat(week).extracting(ShiftOccurrence::date).first().isEqualTo(date("2026-03-02"));
        // Mon: Sun is a rest day, so Mon keeps its calendar day: from Mon 00:00; the Mon/Tue cut is the midpoint
        // of Tue 06:00 and Tue 22:00 = Tue 14:00
        assertWindow(week.get(0), "2026-03-02T00:00", "2026-03-03T14:00");
        assertWindow(week.get(1), "2026-03-03T14:00", "2026-03-04T14:00"); // Tue
        // Fri: the shift ends Sat 06:00; natural end = 06:00 + (24 h − 8 h) / 2 = Sat 14:00
        assertWindow(week.get(4), "2026-03-06T14:00", "2026-03-07T14:00");
        assertWindow(week.get(5), "2026-03-07T14:00", "2026-03-08T00:00"); // Sat: rest of its calendar day
        assertWindow(week.get(6), "2026-03-08T00:00", "2026-03-09T00:00"); // Sun: its calendar day
        assertThat(week.get(5).rest()).isTrue();
        assertThat(week.get(4).scheduledStart()).isEqualTo(ZonedDateTime.of(2026, 3, 6, 22, 0, 0, 0, ZONE));
        assertThat(week.get(4).scheduledEnd()).isEqualTo(ZonedDateTime.of(2026, 3, 7, 6, 0, 0, 0, ZONE));
    }

    @Test
    void dayShiftReachesIntoTheRestDayUntilOneInTheMorning() {
        // Day 09:00–17:00: natural end = 17:00 + (24 h − 8 h) / 2 = 01:00 the next morning
        List<ShiftOccurrence> week = attribution(DAY).occurrences(E1, date("2026-03-05"), date("2026-03-09"));

        assertWindow(week.get(0), "2026-03-05T01:00", "2026-03-06T01:00"); // Thu: midpoints with Wed and Fri
        assertWindow(week.get(1), "2026-03-06T01:00", "2026-03-07T01:00"); // Fri
        assertWindow(week.get(2), "2026-03-07T01:00", "2026-03-08T00:00"); // Sat
        assertWindow(week.get(3), "2026-03-08T00:00", "2026-03-09T00:00"); // Sun
        assertWindow(week.get(4), "2026-03-09T00:00", "2026-03-10T01:00"); // Mon keeps its own calendar day
    }

    @Test
    void windowsOnTheDstNightsAreMeasuredInRealTime() {
        // Night every day. Sat 2026-03-28 22:00 CET (21:00Z) → Sun 03-29 06:00 CEST (04:00Z): 7 real hours
        var resolver = new ScheduleResolver(Map.of("Night", NIGHT), List.of(new ScheduleAssignment("E1", null,
                "Night", EVERY_DAY, date("2026-01-01"))), List.of());
        var attribution = new Attribution(resolver, ZONE);
        ShiftOccurrence spring = attribution.occurrenceAt(E1, at("2026-03-29T06:00"));

        assertThat(spring.date()).isEqualTo(date("2026-03-28"));
        // cut to Sun's shift: midpoint of Sun 04:00Z and Sun 20:00Z (22:00 CEST) = Sun 12:00Z
        assertThat(spring.windowEnd()).isEqualTo(Instant.parse("2026-03-29T12:00:00Z"));
        // autumn: Sat 10-24 22:00 CEST (20:00Z) → Sun 10-25 06:00 CET (05:00Z): 9 real hours
        ShiftOccurrence autumn = attribution.occurrenceAt(E1, at("2026-10-25T06:00"));
        assertThat(autumn.date()).isEqualTo(date("2026-10-24"));
        assertThat(Duration.between(autumn.scheduledStart(), autumn.scheduledEnd()).toMinutes())
                .isEqualTo(540);
    }

    @Test
    void shiftTimesInTheDstGapMoveLaterAndInTheOverlapTakeTheEarlierOffset() {
        Shift early = Shift.fixed("Early", LocalTime.of(2, 30), LocalTime.of(10, 30), 0, 0, 0, 30);
        // 2026-03-29 and 2026-10-25 are Sundays: assign the shift to every day of the week
        var resolver = new ScheduleResolver(Map.of("Early", early), List.of(new ScheduleAssignment("E1", null,
                "Early", EVERY_DAY, date("2026-01-01"))), List.of());
        ShiftOccurrence gap = new Attribution(resolver, ZONE)
                .occurrences(E1, date("2026-03-29"), date("2026-03-29")).get(0);
        ShiftOccurrence overlap = new Attribution(resolver, ZONE)
                .occurrences(E1, date("2026-10-25"), date("2026-10-25")).get(0);

        // 02:30 does not exist on 03-29: it becomes 03:30 CEST
        assertThat(gap.scheduledStart().toOffsetDateTime().toString()).isEqualTo("2026-03-29T03:30+02:00");
        // 02:30 exists twice on 10-25: the first one, CEST
        assertThat(overlap.scheduledStart().toOffsetDateTime().toString()).isEqualTo("2026-10-25T02:30+02:00");
    }

    @Test
    void toggleAtSixInTheMorningAfterANightInIsAnOut() {
        // IN Mon 21:58; the check-in at Tue 06:02 falls in Mon's window [Mon 00:00, Tue 14:00)
        List<Punch> punches = List.of(in("2026-03-02T21:58"));
        Attribution attribution = attribution(NIGHT);
        ShiftOccurrence occurrence = Attribution.occurrenceAt(E1, at("2026-03-03T06:02"),
                new ScheduleResolver(Map.of("Night", NIGHT), List.of(weekdays("E1", NIGHT, "2026-01-01")), List.of()),
                ZONE);

        assertThat(occurrence.date()).isEqualTo(date("2026-03-02"));
        assertThat(Attribution.nextDirection(occurrence, punches)).isEqualTo(PunchType.OUT);
        assertThat(attribution.directionAt(E1, at("2026-03-03T06:02"), punches)).isEqualTo(PunchType.OUT);
    }

    @Test
    void firstCheckInOfANewOccurrenceIsAnInEvenAfterAMissingCheckout() {
        Attribution attribution = attribution(NIGHT);
        // Mon's night was left open (no OUT); Tue 21:55 is in Tue's window [Tue 14:00, Wed 14:00)
        List<Punch> open = List.of(in("2026-03-02T21:58"));
        assertThat(attribution.directionAt(E1, at("2026-03-03T21:55"), open)).isEqualTo(PunchType.IN);
        // and after a closed night too
        List<Punch> closed = List.of(in("2026-03-02T21:58"), out("2026-03-03T06:02"));
        assertThat(attribution.directionAt(E1, at("2026-03-03T21:55"), closed)).isEqualTo(PunchType.IN);
    }

    @Test
    void toggleIgnoresPunchesAtOrAfterTheNewCheckIn() {
        Attribution attribution = attribution(DAY);
        // a correction entered later for 12:00 must not turn the 09:00 check-in into an OUT
        List<Punch> punches = List.of(in("2026-03-02T12:00"));
        assertThat(attribution.directionAt(E1, at("2026-03-02T09:00"), punches)).isEqualTo(PunchType.IN);
        // back from lunch: IN 08:55, OUT 12:00 → 12:30 is an IN
        List<Punch> lunch = List.of(in("2026-03-02T08:55"), out("2026-03-02T12:00"));
        assertThat(attribution.directionAt(E1, at("2026-03-02T12:30"), lunch)).isEqualTo(PunchType.IN);
    }

    private static void assertWindow(ShiftOccurrence o, String from, String to) {
        assertThat(o.windowStart()).as("window start of " + o.date()).isEqualTo(at(from));
        assertThat(o.windowEnd()).as("window end of " + o.date()).isEqualTo(at(to));
    }
}
