package io.facecheck.cli;

import io.facecheck.app.TimesheetService;
import io.facecheck.attendance.CsvReports;
import io.facecheck.timesheet.DayRow;
import io.facecheck.timesheet.Timesheet;
import io.facecheck.timesheet.Totals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code report --timesheet}: the export through {@link TimesheetService}, and the JSON fixed by issue 18. */
final class TimesheetReport {
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private TimesheetReport() {
    }

    /**
     * @param language     the XLSX's sheet names and headers, and the CSV's when {@code localizedCsv}
     * @param localizedCsv false: the CSV keeps the machine headers scripts read
     */
    static int run(TimesheetService timesheets, LocalDate from, LocalDate to, ZoneId zone, Path out, CsvReports csv, Locale language,
                   boolean localizedCsv, String actor, boolean json) {
        TimesheetService.Exported done = timesheets.export(from, to, zone, out, csv, actor, language,
                localizedCsv);
        Timesheet t = done.report().timesheet();
        if (json) {
            Json.print(json(t));
        } else {
            CliMessages.out("cli.report.wroteTimesheet", t.totals().size(), t.days().size(),
                    String.join(", ", done.files().stream().map(Path::toString).toList()));
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> json(Timesheet t) {
        List<Object> days = new ArrayList<>();
        for (DayRow d : t.days()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", d.code());
            m.put("date", d.date().toString());
            m.put("shift", d.shift());
            m.put("status", d.status().word());
            m.put("firstIn", time(d.firstIn()));
            m.put("lastOut", time(d.lastOut()));
            m.put("workedMinutes", d.workedMinutes());
            m.put("scheduledMinutes", d.scheduledMinutes());
            m.put("lateMinutes", d.lateMinutes());
            m.put("earlyLeaveMinutes", d.earlyLeaveMinutes());
            m.put("overtimeMinutes", d.overtimeMinutes());
            m.put("leaveType", d.leaveType());
            days.add(m);
        }
        List<Object> totals = new ArrayList<>();
        for (Totals s : t.totals()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            m.put("scheduledDays", s.scheduledDays());
            m.put("presentDays", s.presentDays());
            m.put("absentDays", s.absentDays());
            m.put("leaveDays", s.leaveDays());
            m.put("lateCount", s.lateCount());
            m.put("lateMinutes", s.lateMinutes());
            m.put("earlyLeaveCount", s.earlyLeaveCount());
            m.put("earlyLeaveMinutes", s.earlyLeaveMinutes());
            m.put("workedMinutes", s.workedMinutes());
            m.put("overtimeMinutes", s.overtimeMinutes());
            m.put("missingCheckouts", s.missingCheckouts());
            totals.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("days", days);
        doc.put("totals", totals);
        return doc;
    }

    private static String time(LocalDateTime t) {
        return t == null ? null : LOCAL_DATE_TIME.format(t);
    }
}
