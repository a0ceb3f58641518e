package io.facecheck.attendance;

import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.EventRepository;
import io.facecheck.store.UnknownFaceLog;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Attendance for a date range: events, per-day summaries, and audited CSV exports. */
public final class Reports {
    private final EventRepository events;
    private final UnknownFaceLog unknownFaces;
    private final AuditLog audit;
    private final ZoneId zone;
    private final LocalTime workStart;
    private final CsvReports csv;

    public Reports(Database db, ZoneId zone, LocalTime workStart, boolean bom, char delimiter) {
        this(db, zone, workStart, new CsvReports(zone, bom, delimiter));
    }

    /** With the CSV conventions given (e.g. headed in a language: {@code report --headers localized}). */
    public Reports(Database db, ZoneId zone, LocalTime workStart, CsvReports csv) {
        this.events = new EventRepository(db);
        this.unknownFaces = new UnknownFaceLog(db);
        this.audit = new AuditLog(db);
        this.zone = zone;
        this.workStart = workStart;
        this.csv = csv;
    }

    /** Events whose local date in the zone lies in {@code from..to} (both inclusive), in time order. */
    public List<CheckInEvent> events(LocalDate from, LocalDate to) {
        checkRange(from, to);
        return events.between(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Sightings of unknown faces on the days {@code from..to}. */
    public int unknownSightings(LocalDate from, LocalDate to) {
        checkRange(from, to);
        return unknownFaces.count(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Per-person, per-day summaries for {@code from..to}. */
    public List<DaySummary> summary(LocalDate from, LocalDate to) {
        return DailySummaries.of(events(from, to), zone, workStart);
    }

    /** Writes the raw events of {@code from..to} to {@code out}; audited. Returns the number of rows. */
    public int exportEvents(LocalDate from, LocalDate to, Path out, String actor) {
        List<CheckInEvent> rows = events(from, to);
        csv.writeEvents(rows, out);
        return audited(actor, out.toString(), "events", from, to, rows.size());
    }

    /**
     * Writes the raw events of {@code from..to} to {@code out}, which the caller owns (stdout) and which is closed;
     * audited with {@code target} as what was written. Returns the number of rows.
     */
    public int exportEvents(LocalDate from, LocalDate to, Writer out, String target, String actor) throws IOException {
        List<CheckInEvent> rows = events(from, to);
        csv.writeEvents(rows, out);
        return audited(actor, target, "events", from, to, rows.size());
    }

    /** Writes the per-day summary of {@code from..to} to {@code out}; audited. Returns the number of rows. */
    public int exportSummary(LocalDate from, LocalDate to, Path out, String actor) {
        List<DaySummary> rows = summary(from, to);
        csv.writeSummary(rows, out);
        return audited(actor, out.toString(), "summary", from, to, rows.size());
    }

    /** As {@link #exportEvents(LocalDate, LocalDate, Writer, String, String)}, the per-day summary. */
    public int exportSummary(LocalDate from, LocalDate to, Writer out, String target, String actor) throws IOException {
        List<DaySummary> rows = summary(from, to);
        csv.writeSummary(rows, out);
        return audited(actor, target, "summary", from, to, rows.size());
    }

    private int audited(String actor, String target, String kind, LocalDate from, LocalDate to, int rows) {
        audit.record(actor, AuditLog.EXPORT, target, kind + " " + from + ".." + to + ", " + rows + " rows");
        return rows;
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("report range ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
