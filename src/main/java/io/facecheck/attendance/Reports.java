package io.facecheck.attendance;

import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.EventRepository;
import io.facecheck.store.UnknownFaceLog;

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
        this.events = new EventRepository(db);
        this.unknownFaces = new UnknownFaceLog(db);
        this.audit = new AuditLog(db);
        this.zone = zone;
        this.workStart = workStart;
        this.csv = new CsvReports(zone, bom, delimiter);
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
        audit.record(actor, AuditLog.EXPORT, out.toString(), "events " + from + ".." + to + ", " + rows.size() + " rows");
        return rows.size();
    }

    /** Writes the per-day summary of {@code from..to} to {@code out}; audited. Returns the number of rows. */
    public int exportSummary(LocalDate from, LocalDate to, Path out, String actor) {
        List<DaySummary> rows = summary(from, to);
        csv.writeSummary(rows, out);
        audit.record(actor, AuditLog.EXPORT, out.toString(), "summary " + from + ".." + to + ", " + rows.size() + " rows");
        return rows.size();
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("report range ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
