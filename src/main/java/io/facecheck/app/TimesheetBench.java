package io.facecheck.app;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.LeaveRepository;
import io.facecheck.store.ScheduleRepository;
import io.facecheck.store.ShiftRepository;
import io.facecheck.store.StoreException;
import io.facecheck.timesheet.Leave;
import io.facecheck.timesheet.RosterEntry;
import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.Shift;
import io.facecheck.timesheet.Timesheet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code bench --timesheet}: how long a month's timesheet of 200 people takes, loading included, from a store. The
 * month (March 2026, Europe/Berlin, so the spring-forward night is in it) is written as the commands write it: 120
 * people on a day shift, 50 on nights, 30 on flexitime, Monday to Friday, about 5 % of days absent, some leave and
 * roster overrides, about 8,500 events. The made-up people and their shifts are deleted again afterwards.
 */
final class TimesheetBench {
    static final String PREFIX = "BENCH-T";
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int PEOPLE = 200;
    private static final int RUNS = 5;

    private TimesheetBench() {
    }

    /** Fills {@code db} (which must hold no employees), times the timesheet {@link #RUNS} times, cleans up. */
    static Map<String, Object> measure(Database db) {
        if (!new EmployeeRepository(db).list(true).isEmpty()) {
            throw new StoreException(StoreException.Kind.CONFLICT, LocalizedMessage.of("cli.bench.timesheetNotEmpty",
                    db.displayName(), PEOPLE));
        }
        try {
            long fill0 = System.nanoTime();
            int events = fill(db);
            double fillMs = (System.nanoTime() - fill0) / 1e6;
            TimesheetService service = new TimesheetService(db);
            double[] ms = new double[RUNS];
            Timesheet t = null;
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                t = service.compute(FROM, TO, ZONE);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            double first = ms[0];
            Arrays.sort(ms);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("employees", t.totals().size());
            out.put("events", events);
            out.put("rows", t.days().size());
            out.put("firstMs", round(first));
            out.put("medianMs", round(ms[RUNS / 2]));
            out.put("maxMs", round(ms[RUNS - 1]));
            out.put("fillMs", round(fillMs));
            return out;
        } finally {
            cleanUp(db);
        }
    }

    private static int fill(Database db) {
        Random rnd = new Random(18);
        return db.inTransaction(c -> {
            ShiftRepository shifts = new ShiftRepository(db);
            shifts.create(Shift.fixed(PREFIX + "Day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5, 5, 30, 30));
            shifts.create(Shift.fixed(PREFIX + "Night", LocalTime.of(22, 0), LocalTime.of(6, 0), 5, 5, 30, 30));
            shifts.create(Shift.flexible(PREFIX + "Flex", 450, LocalTime.of(7, 0), LocalTime.of(19, 0), 30, 30));
            EmployeeRepository employees = new EmployeeRepository(db);
            ScheduleRepository schedules = new ScheduleRepository(db);
            LeaveRepository leave = new LeaveRepository(db);
            EventRepository eventRepo = new EventRepository(db);
            EnumSet<DayOfWeek> week = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            List<RosterEntry> roster = new ArrayList<>();
            int events = 0;
            for (int p = 0; p < PEOPLE; p++) {
                String kind = p < 120 ? "Day" : p < 170 ? "Night" : "Flex";
                Employee e = employees.create(String.format("%s%03d", PREFIX, p), "Bench person " + p, PREFIX + kind);
                schedules.assign(new ScheduleAssignment(e.code(), null, PREFIX + kind, week, FROM));
                LocalDate leaveDay = p % 20 == 0 ? FROM.plusDays(9 + p % 7) : null;
                if (leaveDay != null) {
                    leave.add(new Leave(e.code(), leaveDay, leaveDay.plusDays(2), "annual", null));
                }
                if (p % 10 == 5) {
                    roster.add(new RosterEntry(e.code(), FROM.plusDays(p % 28), Shift.OFF));
                }
                for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
                    boolean onLeave = leaveDay != null && !d.isBefore(leaveDay) && !d.isAfter(leaveDay.plusDays(2));
                    if (!week.contains(d.getDayOfWeek()) || onLeave || rnd.nextInt(100) < 5) {
                        continue;
                    }
                    LocalTime in = switch (kind) {
                        case "Day" -> LocalTime.of(8, 45).plusMinutes(rnd.nextInt(30));
                        case "Night" -> LocalTime.of(21, 45).plusMinutes(rnd.nextInt(30));
                        default -> LocalTime.of(7, 0).plusMinutes(rnd.nextInt(120));
                    };
                    ZonedDateTime start = ZonedDateTime.of(d, in, ZONE);
                    ZonedDateTime end = start.plusMinutes(450 + rnd.nextInt(90));
                    eventRepo.insert(new EventRepository.NewEvent(e.id(), start.toInstant(), ZONE, Direction.IN, null,
                            null, null, "bench", "bench"));
                    eventRepo.insert(new EventRepository.NewEvent(e.id(), end.toInstant(), ZONE, Direction.OUT, null,
                            null, null, "bench", "bench"));
                    events += 2;
                }
            }
            schedules.putRoster(roster);
            return events;
        });
    }

    private static void cleanUp(Database db) {
        EmployeeRepository employees = new EmployeeRepository(db);
        for (Employee e : employees.list(true)) {
            if (e.code().startsWith(PREFIX)) {
                employees.delete(e.code()); // with their events, schedule, roster and leave
            }
        }
        ShiftRepository shifts = new ShiftRepository(db);
        for (String kind : List.of("Day", "Night", "Flex")) {
            shifts.delete(PREFIX + kind);
        }
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
