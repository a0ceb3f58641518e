package io.facecheck.attendance;

import io.facecheck.config.Messages;
import io.facecheck.store.CheckInEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Attendance CSV files a payroll clerk can open in a spreadsheet: RFC 4180 (CRLF, quotes only where needed),
 * UTF-8 with an optional byte-order mark for Excel, ISO dates, times in the given zone, and every cell that a
 * spreadsheet would read as a formula ({@code = + - @}, tab, carriage return) prefixed with {@code '}.
 */
public final class CsvReports {
    public static final List<String> EVENT_COLUMNS = List.of("id", "code", "name", "department", "date", "time",
            "timestamp", "direction", "distance", "liveness", "kiosk", "correction_reason", "corrected_by", "method",
            "review");
    public static final List<String> SUMMARY_COLUMNS = List.of("code", "name", "department", "date", "first_in",
            "last_out", "worked_hours", "late", "missing_checkout");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;
    private final boolean bom;
    private final char delimiter;
    private final CSVFormat format;
    /** The language of the event and summary headers, or null for the machine headers (the column ids). */
    private final Locale headers;

    public CsvReports(ZoneId zone, boolean bom, char delimiter) {
        this(zone, bom, delimiter, null);
    }

    private CsvReports(ZoneId zone, boolean bom, char delimiter, Locale headers) {
        this.zone = zone;
        this.bom = bom;
        this.delimiter = delimiter;
        this.headers = headers;
        this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get();
    }

    /**
     * These conventions with the event and summary files headed in {@code language} ({@code report.column.*})
     * instead of the stable English column ids scripts read; the cells stay the same.
     */
    public CsvReports withHeadersIn(Locale language) {
        return new CsvReports(zone, bom, delimiter, java.util.Objects.requireNonNull(language, "language"));
    }

    /** The header row of {@code columns} (ids such as {@code first_in}) in {@code language}. */
    public static List<String> header(List<String> columns, Locale language) {
        return columns.stream().map(c -> Messages.format(language, "report.column." + c)).toList();
    }

    /** Writes raw events to {@code out} (replaced atomically: never half-written). */
    public void writeEvents(List<CheckInEvent> events, Path out) {
        writeAtomically(out, w -> writeEvents(events, w));
    }

    /** Writes per-day summaries to {@code out} (replaced atomically). */
    public void writeSummary(List<DaySummary> days, Path out) {
        writeAtomically(out, w -> writeSummary(days, w));
    }

    /** Writes raw events to {@code w} (BOM included when configured). */
    public void writeEvents(List<CheckInEvent> events, Writer w) throws IOException {
        try (CSVPrinter p = start(w, headers == null ? EVENT_COLUMNS : header(EVENT_COLUMNS, headers))) {
            for (CheckInEvent e : events) {
                ZonedDateTime t = e.at().atZone(zone);
                row(p, Long.toString(e.id()), e.code(), e.name(), e.department(), t.toLocalDate().toString(),
                        TIME.format(t), t.toOffsetDateTime().toString(), e.direction().name(), num(e.distance()),
                        num(e.liveness()), e.kioskId(), e.correctionReason(), e.correctedBy(), e.method().name(),
                        Boolean.toString(e.method().needsReview()));
            }
        }
    }

    /** Writes per-day summaries to {@code w}. */
    public void writeSummary(List<DaySummary> days, Writer w) throws IOException {
        try (CSVPrinter p = start(w, headers == null ? SUMMARY_COLUMNS : header(SUMMARY_COLUMNS, headers))) {
            for (DaySummary d : days) {
                row(p, d.code(), d.name(), d.department(), d.date().toString(), time(d.firstIn()), time(d.lastOut()),
                        String.format(Locale.ROOT, "%.2f", d.workedHours()), Boolean.toString(d.late()),
                        Boolean.toString(d.missingCheckout()));
            }
        }
    }

    /**
     * Writes any table with this file's conventions (BOM, delimiter, CRLF, formula-like cells neutralised) to
     * {@code out}, replaced atomically.
     */
    public void writeTable(List<String> header, List<List<String>> rows, Path out) {
        writeAtomically(out, w -> {
            try (CSVPrinter p = start(w, header)) {
                for (List<String> r : rows) {
                    row(p, r.toArray(String[]::new));
                }
            }
        });
    }

    /** A cell as written: formula-like text gets a leading apostrophe so spreadsheets show it as text. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    private CSVPrinter start(Writer w, List<String> header) throws IOException {
        if (bom) {
            w.write('\uFEFF');
        }
        CSVPrinter p = new CSVPrinter(w, format);
        p.printRecord(header);
        return p;
    }

    private static void row(CSVPrinter p, String... cells) throws IOException {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = neutralise(cells[i]);
        }
        p.printRecord(out);
    }

    private static String num(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String time(LocalTime t) {
        return t == null ? "" : TIME.format(t);
    }

    private interface WriterWork {
        void write(Writer w) throws IOException;
    }

    /** Writes the bytes of a report file. */
    public interface OutputWork {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path out, WriterWork work) {
        replaceAtomically(out, o -> {
            try (Writer w = new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8)) {
                work.write(w);
            }
        });
    }

    /**
     * Writes a report file through a temporary file beside it that replaces {@code out} only once complete, so a
     * failed export never leaves a half-written report (and never destroys the previous one).
     */
    public static void replaceAtomically(Path out, OutputWork work) {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                    work.write(o);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + target + ": " + e.getMessage(), e);
        }
    }
}
