package io.facecheck.app;

import io.facecheck.attendance.CsvReports;
import io.facecheck.config.Messages;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.CheckInMethod;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.timesheet.DayRow;
import io.facecheck.timesheet.DayStatus;
import io.facecheck.timesheet.Timesheet;
import io.facecheck.timesheet.Totals;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The timesheet as the tables HR opens: a summary per person, the daily rows, and the raw events. One definition of
 * the columns for both exports, so the CSV and the XLSX cannot disagree: cells are typed ({@link String},
 * {@link Integer} counts, {@link Double} durations in decimal hours, {@link java.time.LocalDate},
 * {@link java.time.LocalDateTime} in the report zone, or null for nothing).
 *
 * <p>The words (sheet names, headers, the status and direction of a row) come from {@link Labels}: the stable
 * English machine words that scripts read (the CSV's default), or a language's ({@code report.*} and
 * {@code timesheet.status.*} in the message bundles) for the people who open the file. The figures are the same in
 * every language.
 */
public final class TimesheetTables {
    /** One sheet: its name, header and rows. */
    public record Table(String name, List<String> header, List<List<Object>> rows) {
    }

    /**
     * The words of the tables: {@link #MACHINE} (the column ids of {@link #SUMMARY_COLUMNS}, {@link #DAY_COLUMNS},
     * {@link #EVENT_COLUMNS}, the sheet names Summary, Days and Events, statuses as {@link DayStatus#word()},
     * directions as IN and OUT), or those of a language ({@link #in}).
     */
    public record Labels(Locale locale) {
        /** The stable English words scripts read: the same whatever the language. */
        public static final Labels MACHINE = new Labels(null);

        /** The words of {@code locale}, from the message bundles. */
        public static Labels in(Locale locale) {
            return new Labels(Objects.requireNonNull(locale, "locale"));
        }

        /** A sheet's name; {@code id} is summary, days or events. */
        public String sheet(String id) {
            return locale == null ? Character.toUpperCase(id.charAt(0)) + id.substring(1)
                    : Messages.format(locale, "report.sheet." + id);
        }

        /** A header row: the column ids, or their {@code report.column.*} texts. */
        public List<String> header(List<String> columns) {
            return locale == null ? columns : CsvReports.header(columns, locale);
        }

        /** A day's status. */
        public String status(DayStatus s) {
            return locale == null ? s.word() : Messages.format(locale, "timesheet.status." + s.word());
        }

        /** How an event was made (FACE, PIN, MANUAL; in words with a language). */
        public String method(CheckInMethod m) {
            return locale == null ? m.name() : Messages.format(locale, "report.method." + m.name().toLowerCase(Locale.ROOT));
        }

        /** Whether an administrator should look at the event: PIN check-ins ({@code true}/{@code false}, or words). */
        public String review(CheckInMethod m) {
            if (locale == null) {
                return Boolean.toString(m.needsReview());
            }
            return m.needsReview() ? Messages.format(locale, "report.review.yes") : "";
        }

        /** An event's direction. */
        public String direction(Direction d) {
            return locale == null ? d.name() : Messages.format(locale, "report.direction." + d.name().toLowerCase(Locale.ROOT));
        }
    }

    public static final List<String> SUMMARY_COLUMNS = List.of("code", "name", "department", "scheduled_days",
            "present_days", "absent_days", "leave_days", "late_count", "late_hours", "early_leave_count",
            "early_leave_hours", "worked_hours", "overtime_hours", "missing_checkouts");
    public static final List<String> DAY_COLUMNS = List.of("code", "name", "department", "date", "shift", "status",
            "first_in", "last_out", "worked_hours", "scheduled_hours", "late_hours", "early_leave_hours",
            "overtime_hours", "leave_type");
    public static final List<String> EVENT_COLUMNS = List.of("id", "code", "name", "department", "time",
            "direction", "kiosk", "correction_reason", "corrected_by", "method", "review");

    private TimesheetTables() {
    }

    public static Table summary(Timesheet t, Map<String, Employee> employees, Labels labels) {
        List<List<Object>> rows = new ArrayList<>();
        for (Totals s : t.totals()) {
            Employee e = employees.get(s.code());
            rows.add(Arrays.asList(s.code(), name(e), department(e), s.scheduledDays(), s.presentDays(),
                    s.absentDays(), s.leaveDays(), s.lateCount(), hours(s.lateMinutes()), s.earlyLeaveCount(),
                    hours(s.earlyLeaveMinutes()), hours(s.workedMinutes()), hours(s.overtimeMinutes()),
                    s.missingCheckouts()));
        }
        return new Table(labels.sheet("summary"), labels.header(SUMMARY_COLUMNS), rows);
    }

    public static Table days(Timesheet t, Map<String, Employee> employees, Labels labels) {
        List<List<Object>> rows = new ArrayList<>();
        for (DayRow d : t.days()) {
            Employee e = employees.get(d.code());
            rows.add(Arrays.asList(d.code(), name(e), department(e), d.date(), d.shift(), labels.status(d.status()),
                    d.firstIn(), d.lastOut(), hours(d.workedMinutes()), hours(d.scheduledMinutes()),
                    hours(d.lateMinutes()), hours(d.earlyLeaveMinutes()), hours(d.overtimeMinutes()), d.leaveType()));
        }
        return new Table(labels.sheet("days"), labels.header(DAY_COLUMNS), rows);
    }

    public static Table events(List<CheckInEvent> events, ZoneId zone, Labels labels) {
        List<List<Object>> rows = new ArrayList<>();
        for (CheckInEvent e : events) {
            rows.add(Arrays.asList((Object) Long.valueOf(e.id()), e.code(), e.name(), e.department(),
                    e.at().atZone(zone).toLocalDateTime(), labels.direction(e.direction()), e.kioskId(), e.correctionReason(),
                    e.correctedBy(), labels.method(e.method()), labels.review(e.method())));
        }
        return new Table(labels.sheet("events"), labels.header(EVENT_COLUMNS), rows);
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
