package io.facecheck.app;

import io.facecheck.attendance.CsvReports;
import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.HolidayRepository;
import io.facecheck.store.LeaveRepository;
import io.facecheck.store.ScheduleRepository;
import io.facecheck.store.ShiftRepository;
import io.facecheck.timesheet.Attribution;
import io.facecheck.timesheet.Punch;
import io.facecheck.timesheet.PunchType;
import io.facecheck.timesheet.ScheduleResolver;
import io.facecheck.timesheet.Shift;
import io.facecheck.timesheet.ShiftOccurrence;
import io.facecheck.timesheet.Timesheet;
import io.facecheck.timesheet.TimesheetCalculator;
import io.facecheck.timesheet.TimesheetEmployee;
import io.facecheck.timesheet.TimesheetInput;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The timesheet of a period: loads what the rules need from the store (in one transaction, so the figures come
 * from one consistent state) and hands it to {@link TimesheetCalculator}; exports it as CSV or XLSX, audited.
 */
public final class TimesheetService {
    /** The figures and what the exports show beside them: the period's raw events and each code's employee. */
    public record Report(Timesheet timesheet, List<CheckInEvent> events, Map<String, Employee> employees) {
    }

    private final Database db;
    private final AuditLog audit;

    public TimesheetService(Database db) {
        this.db = db;
        this.audit = new AuditLog(db);
    }

    /** The timesheet for the shift-start dates {@code from..to} in {@code zone}. */
    public Timesheet compute(LocalDate from, LocalDate to, ZoneId zone) {
        return report(from, to, zone).timesheet();
    }

    /**
     * The timesheet with its events and employees. Rows are made for every active employee, and for inactive ones
     * with events in the period (a leaver's last days still count, without absences after they left). Events are
     * loaded from the day before {@code from} to the day after {@code to}, so that shift-days at the edges are cut
     * right (a night shift on the last day gets its morning checkout).
     */
    public Report report(LocalDate from, LocalDate to, ZoneId zone) {
        if (to.isBefore(from)) {
            throw InvalidInput.of("app.period.backwards", to, from);
        }
        return db.inTransaction(c -> {
            Instant loadFrom = from.minusDays(1).atStartOfDay(zone).toInstant();
            Instant loadTo = to.plusDays(2).atStartOfDay(zone).toInstant();
            List<CheckInEvent> events = new EventRepository(db).between(loadFrom, loadTo);
            Map<String, List<Punch>> punches = new HashMap<>();
            for (CheckInEvent e : events) {
                punches.computeIfAbsent(e.code(), k -> new ArrayList<>())
                        .add(new Punch(e.at(), e.direction() == Direction.IN ? PunchType.IN : PunchType.OUT));
            }
            Map<String, Employee> employees = new LinkedHashMap<>();
            List<TimesheetEmployee> people = new ArrayList<>();
            for (Employee e : new EmployeeRepository(db).list(true)) {
                if (e.active() || punches.containsKey(e.code())) {
                    employees.put(e.code(), e);
                    people.add(new TimesheetEmployee(e.code(), e.department()));
                }
            }
            Map<String, Shift> shifts = new HashMap<>();
            new ShiftRepository(db).list().forEach(s -> shifts.put(s.name(), s));
            ScheduleRepository schedules = new ScheduleRepository(db);
            TimesheetInput input = new TimesheetInput(from, to, zone, people, shifts,
                    schedules.assignments(to.plusDays(1)), schedules.roster(from.minusDays(1), to.plusDays(1)),
                    new HolidayRepository(db).between(from.minusDays(1), to.plusDays(1)),
                    new LeaveRepository(db).between(from.minusDays(1), to.plusDays(1)), punches);
            Timesheet sheet = TimesheetCalculator.compute(input);
            return new Report(sheet, attributed(input, events), employees);
        });
    }

    /**
     * The events the period's shift-days are made of: each person's from the window start of their first shift-day
     * to the window end of their last (a night shift's morning checkout after the period included, the previous
     * night's before it left out), as the rules attribute them.
     */
    private static List<CheckInEvent> attributed(TimesheetInput input, List<CheckInEvent> events) {
        Attribution attribution = new Attribution(new ScheduleResolver(input.shiftsByName(), input.assignments(),
                input.roster()), input.zone());
        Map<String, Instant[]> spans = new HashMap<>();
        for (TimesheetEmployee e : input.employees()) {
            List<ShiftOccurrence> days = attribution.occurrences(e, input.from(), input.to());
            spans.put(e.code(), new Instant[] {days.get(0).windowStart(), days.get(days.size() - 1).windowEnd()});
        }
        return events.stream().filter(e -> {
            Instant[] span = spans.get(e.code());
            return span != null && !e.at().isBefore(span[0]) && e.at().isBefore(span[1]);
        }).toList();
    }

    /**
     * Writes the timesheet to {@code out} with English XLSX words and machine CSV headers: {@link #export(LocalDate,
     * LocalDate, ZoneId, Path, CsvReports, String, Locale, boolean)} in English, CSV headers not localized.
     */
    public Exported export(LocalDate from, LocalDate to, ZoneId zone, Path out, CsvReports csv, String actor) {
        return export(from, to, zone, out, csv, actor, Locale.ENGLISH, false);
    }

    /**
     * Writes the timesheet to {@code out}: an {@code .xlsx} file (sheets Summary, Days, Events, named and headed in
     * {@code language}), else CSV (the days in {@code out}, the summary in {@code FILE-totals.csv}) with the stable
     * machine headers, or with {@code language}'s when {@code localizedCsv}; audited as an export. The figures do
     * not depend on the language.
     *
     * @return the report and the files written
     */
    public Exported export(LocalDate from, LocalDate to, ZoneId zone, Path out, CsvReports csv, String actor,
                           Locale language, boolean localizedCsv) {
        Report r = report(from, to, zone);
        boolean xlsx = TimesheetExport.isXlsx(out);
        TimesheetTables.Labels labels = xlsx || localizedCsv ? TimesheetTables.Labels.in(language)
                : TimesheetTables.Labels.MACHINE;
        TimesheetTables.Table summary = TimesheetTables.summary(r.timesheet(), r.employees(), labels);
        TimesheetTables.Table days = TimesheetTables.days(r.timesheet(), r.employees(), labels);
        List<Path> files;
        if (xlsx) {
            TimesheetExport.writeXlsx(List.of(summary, days, TimesheetTables.events(r.events(), zone, labels)), out);
            files = List.of(out);
        } else {
            files = TimesheetExport.writeCsv(summary, days, out, csv);
        }
        audit.record(actor, AuditLog.EXPORT, out.toString(), "timesheet " + from + ".." + to + " (" + zone + "), "
                + r.timesheet().totals().size() + " people, " + r.timesheet().days().size() + " days");
        return new Exported(r, files);
    }

    /** What {@link #export} did. */
    public record Exported(Report report, List<Path> files) {
    }
}
