package io.facecheck.app;

import io.facecheck.config.Messages;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.timesheet.DayRow;
import io.facecheck.timesheet.DayStatus;
import io.facecheck.timesheet.Shift;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live board of a working day: who is in, who came late, who is absent so far, who is on leave. Built on the
 * timesheet of today ({@link TimesheetService}), so lateness, leave and schedules are the timesheet's own.
 *
 * <ul>
 *   <li><b>In</b>: the person's latest event (since yesterday, up to now) is an IN — also a night worker still in
 *       from the shift begun yesterday.</li>
 *   <li><b>Late</b>: today's shift-day has late minutes (an IN after the start plus {@code graceIn}).</li>
 *   <li><b>Absent so far</b>: today's shift-day is {@code absent} (scheduled, no holiday, no full-day leave, no IN)
 *       and the shift started more than {@code graceIn} ago; for a flexible shift, once there is no longer time
 *       to work its hours before its latest end.</li>
 *   <li><b>On leave</b>: leave (full days or hours) on today's shift-day.</li>
 * </ul>
 * Today's shift-days are the ones that start on today's date in the zone.
 */
public final class TodayService {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * One person on the board; the detail says why (since when in, how late, which shift, which leave): a message
     * key ({@code timesheet.today.detail.*}) and its arguments, so that the board reads in any language.
     */
    public record Person(String code, String name, String department, String shift, String detailKey,
                         List<Object> detailArgs) {
        public Person {
            detailArgs = List.copyOf(detailArgs);
        }

        /** The detail in the current language. */
        public String detail() {
            return detail(Messages.locale());
        }

        public String detail(Locale locale) {
            return Messages.format(locale, detailKey, detailArgs.toArray());
        }
    }

    /** The board at {@code at} for the shift-days of {@code date}. */
    public record Board(Instant at, LocalDate date, List<Person> in, List<Person> late, List<Person> absent,
                        List<Person> onLeave) {
    }

    private final TimesheetService timesheets;
    private final ShiftService shifts;

    public TodayService(TimesheetService timesheets, ShiftService shifts) {
        this.timesheets = timesheets;
        this.shifts = shifts;
    }

    /** The board at {@code now} in {@code zone}. */
    public Board board(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        TimesheetService.Report report = timesheets.report(today.minusDays(1), today, zone);
        Map<String, Shift> shiftByName = new HashMap<>();
        shifts.list().forEach(s -> shiftByName.put(s.name(), s));
        Map<String, CheckInEvent> latest = new HashMap<>();
        for (CheckInEvent e : report.events()) {
            if (!e.at().isAfter(now)) {
                latest.merge(e.code(), e, (a, b) -> b.at().isAfter(a.at()) ? b : a);
            }
        }
        List<Person> in = new ArrayList<>();
        List<Person> late = new ArrayList<>();
        List<Person> absent = new ArrayList<>();
        List<Person> onLeave = new ArrayList<>();
        for (DayRow row : report.timesheet().days()) {
            if (!row.date().equals(today)) {
                continue;
            }
            Employee who = report.employees().get(row.code());
            CheckInEvent last = latest.get(row.code());
            if (last != null && last.direction() == Direction.IN) {
                in.add(person(who, row, "timesheet.today.detail.in", HM.format(last.at().atZone(zone))));
            }
            if (row.lateMinutes() > 0) {
                late.add(person(who, row, "timesheet.today.detail.late", row.lateMinutes(), HM.format(row.firstIn())));
            }
            Shift shift = row.shift() == null ? null : shiftByName.get(row.shift());
            if (row.status() == DayStatus.ABSENT && shift != null && absentBy(shift, today, zone).isBefore(now)) {
                absent.add(person(who, row, shift.flexible() ? "timesheet.today.detail.absent-flexible"
                        : "timesheet.today.detail.absent", HM.format(absentBy(shift, today, zone).atZone(zone))));
            }
            if (row.leaveType() != null) {
                onLeave.add(person(who, row, row.status() == DayStatus.LEAVE ? "timesheet.today.detail.leave"
                        : "timesheet.today.detail.leave-hours", row.leaveType()));
            }
        }
        return new Board(now, today, in, late, absent, onLeave);
    }

    /**
     * From when a scheduled person with no IN is absent so far: a fixed shift's start plus its grace; a flexible
     * shift's latest end minus its required hours.
     */
    private static Instant absentBy(Shift s, LocalDate date, ZoneId zone) {
        if (s.flexible()) {
            LocalDate endDate = s.crossesMidnight() ? date.plusDays(1) : date;
            return ZonedDateTime.of(endDate, s.end(), zone).minusMinutes(s.requiredMinutes()).toInstant();
        }
        return ZonedDateTime.of(date, s.start(), zone).plusMinutes(s.graceInMinutes()).toInstant();
    }

    private static Person person(Employee e, DayRow row, String detailKey, Object... detailArgs) {
        return new Person(row.code(), e == null ? row.code() : e.name(), e == null ? null : e.department(),
                row.shift(), detailKey, Arrays.asList(detailArgs));
    }
}
