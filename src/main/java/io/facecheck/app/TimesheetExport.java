package io.facecheck.app;

import io.facecheck.attendance.CsvReports;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the timesheet tables. CSV (the conventions of {@link CsvReports}: optional BOM, formula-like cells
 * neutralised): the daily rows to {@code FILE.csv} and the per-person summary beside it to {@code FILE-totals.csv}.
 * XLSX (fastexcel): the sheets Summary, Days and Events, numbers and dates as numbers, durations as decimal hours
 * shown with two decimals, the header row frozen, text always written as text (never a formula). Both files are
 * replaced only once complete.
 */
public final class TimesheetExport {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String XLSX_DATE = "yyyy-mm-dd";
    private static final String XLSX_DATE_TIME = "yyyy-mm-dd hh:mm:ss";
    private static final String XLSX_HOURS = "0.00";

    private TimesheetExport() {
    }

    /** Whether {@code out} names an XLSX file (else CSV). */
    public static boolean isXlsx(Path out) {
        return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** The summary file written beside {@code FILE.csv}: {@code FILE-totals.csv}. */
    public static Path totalsFileOf(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(base + "-totals.csv");
    }

    /** Writes the days to {@code out} and the summary to {@link #totalsFileOf}; returns both paths. */
    public static List<Path> writeCsv(TimesheetTables.Table summary, TimesheetTables.Table days, Path out,
                                      CsvReports csv) {
        csv.writeTable(days.header(), text(days), out);
        Path totals = totalsFileOf(out);
        csv.writeTable(summary.header(), text(summary), totals);
        return List.of(out, totals);
    }

    /** Writes the sheets to {@code out}, in the order given. */
    public static void writeXlsx(List<TimesheetTables.Table> tables, Path out) {
        CsvReports.replaceAtomically(out, os -> {
            Workbook wb = new Workbook(os, "FaceCheck", "1.0");
            for (TimesheetTables.Table t : tables) {
                sheet(wb.newWorksheet(t.name()), t);
            }
            wb.finish();
        });
    }

    private static void sheet(Worksheet ws, TimesheetTables.Table t) {
        for (int c = 0; c < t.header().size(); c++) {
            ws.value(0, c, t.header().get(c));
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
        int r = 1;
        for (List<Object> row : t.rows()) {
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Double d) {
                    ws.value(r, c, d);
                    ws.style(r, c).format(XLSX_HOURS).set();
                } else if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else if (v instanceof LocalDateTime t2) {
                    ws.value(r, c, t2);
                    ws.style(r, c).format(XLSX_DATE_TIME).set();
                } else if (v instanceof LocalDate d) {
                    ws.value(r, c, d);
                    ws.style(r, c).format(XLSX_DATE).set();
                } else if (v != null) {
                    ws.value(r, c, v.toString());
                }
            }
            r++;
        }
    }

    /** The table's cells as CSV text: hours with two decimals, ISO dates, date-times as {@code yyyy-MM-dd HH:mm:ss}. */
    private static List<List<String>> text(TimesheetTables.Table t) {
        List<List<String>> out = new ArrayList<>(t.rows().size());
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object v : row) {
                cells.add(cell(v));
            }
            out.add(cells);
        }
        return out;
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        if (v instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        return v.toString();
    }
}
