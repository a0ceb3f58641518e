package io.facecheck.app;

import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Employee;
import io.facecheck.timesheet.DayRow;
import io.facecheck.timesheet.Timesheet;
import io.facecheck.timesheet.Totals;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The timesheet as the tables HR opens: a summary per person, the daily rows, and the raw events. One definition of
 * the columns for both exports, so the CSV and the XLSX cannot disagree: cells are typed ({@link String},
 * {@link Integer} counts, {@link Double} durations in decimal hours, {@link java.time.LocalDate},
 * {@link java.time.LocalDateTime} in the report zone, or null for nothing).
 */
public final class TimesheetTables {
    /** One sheet: its name, header and rows. */
    public record Table(String name, List<String> header, List<List<Object>> rows) {
    }

    public static final List<String> SUMMARY_COLUMNS = List.of("code", "name", "department", "scheduled_days",
            "present_days", "absent_days", "leave_days", "late_count", "late_hours", "early_leave_count",
            "early_leave_hours", "worked_hours", "overtime_hours", "missing_checkouts");
    public static final List<String> DAY_COLUMNS = List.of("code", "name", "department", "date", "shift", "status",
            "first_in", "last_out", "worked_hours", "scheduled_hours", "late_hours", "early_leave_hours",
            "overtime_hours", "leave_type");
    public static final List<String> EVENT_COLUMNS = List.of("id", "code", "name", "department", "time",
            "direction", "kiosk", "correction_reason", "corrected_by");

    private TimesheetTables() {
    }

    public static Table summary(Timesheet t, Map<String, Employee> employees) {
        List<List<Object>> rows = new ArrayList<>();
        for (Totals s : t.totals()) {
            Employee e = employees.get(s.code());
            rows.add(Arrays.asList(s.code(), name(e), department(e), s.scheduledDays(), s.presentDays(),
                    s.absentDays(), s.leaveDays(), s.lateCount(), hours(s.lateMinutes()), s.earlyLeaveCount(),
                    hours(s.earlyLeaveMinutes()), hours(s.workedMinutes()), hours(s.overtimeMinutes()),
                    s.missingCheckouts()));
        }
        return new Table("Summary", SUMMARY_COLUMNS, rows);
    }

    public static Table days(Timesheet t, Map<String, Employee> employees) {
        List<List<Object>> rows = new ArrayList<>();
        for (DayRow d : t.days()) {
            Employee e = employees.get(d.code());
            rows.add(Arrays.asList(d.code(), name(e), department(e), d.date(), d.shift(), d.status().word(),
                    d.firstIn(), d.lastOut(), hours(d.workedMinutes()), hours(d.scheduledMinutes()),
                    hours(d.lateMinutes()), hours(d.earlyLeaveMinutes()), hours(d.overtimeMinutes()), d.leaveType()));
        }
        return new Table("Days", DAY_COLUMNS, rows);
    }

    public static Table events(List<CheckInEvent> events, ZoneId zone) {
        List<List<Object>> rows = new ArrayList<>();
        for (CheckInEvent e : events) {
            rows.add(Arrays.asList((Object) Long.valueOf(e.id()), e.code(), e.name(), e.department(),
                    e.at().atZone(zone).toLocalDateTime(), e.direction().name(), e.kioskId(), e.correctionReason(),
                    e.correctedBy()));
        }
        return new Table("Events", EVENT_COLUMNS, rows);
    }

    /** Minutes as decimal hours, the unit payroll works in. */
    static Double hours(int minutes) {
        return minutes / 60.0;
    }

    private static String name(Employee e) {
        return e == null ? null : e.name();
    }

    private static String department(Employee e) {
        return e == null ? null : e.department();
    }
}
