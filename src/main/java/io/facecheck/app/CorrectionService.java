package io.facecheck.app;

import io.facecheck.attendance.AttendanceCorrections;
import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Check-in events an administrator adds by hand: one correction with its reason, or a file of events from another
 * terminal ({@code code,at,direction}). Audited; an import is all or nothing, and events already there (same
 * person, instant and direction) are not added twice, so importing a file again adds nothing.
 */
public final class CorrectionService {
    static final List<String> IMPORT_COLUMNS = List.of("code", "at", "direction");

    /** What an import did. */
    public record ImportResult(int added, int alreadyThere) {
    }

    private final Database db;
    private final ZoneId zone;
    private final EmployeeRepository employees;
    private final EventRepository events;
    private final AuditLog audit;

    /** @param zone the zone stored with the events (the kiosks' {@code checkin.zone}) */
    public CorrectionService(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
        this.employees = new EmployeeRepository(db);
        this.events = new EventRepository(db);
        this.audit = new AuditLog(db);
    }

    /** Adds one event with its reason (required); audited as a correction. */
    public CheckInEvent add(String code, Instant at, Direction direction, String reason, String actor) {
        return new AttendanceCorrections(db, zone).add(code, at, direction, reason, actor);
    }

    /**
     * Imports {@code csv}. Every row is checked first (known code, an ISO instant with offset such as
     * {@code 2026-03-02T08:55:00Z}, IN or OUT); a bad row refuses the whole file, naming its line.
     */
    public ImportResult importCsv(Path csv, String actor) {
        List<CsvInput.Row> rows = CsvInput.read(csv, IMPORT_COLUMNS);
        Map<String, Long> ids = new HashMap<>();
        for (Employee e : employees.list(true)) {
            ids.put(e.code(), e.id());
        }
        record Parsed(long employeeId, String code, Instant at, Direction direction) {
        }
        List<Parsed> parsed = new ArrayList<>();
        for (CsvInput.Row r : rows) {
            Long id = ids.get(r.get(0));
            if (id == null) {
                throw CsvInput.bad(csv, r, "app.csv.noEmployee", r.get(0));
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(r.get(1)).toInstant();
            } catch (DateTimeParseException e) {
                throw CsvInput.bad(csv, r, "app.events.badInstant", r.get(1));
            }
            Direction d;
            try {
                d = Direction.valueOf(r.get(2).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw CsvInput.bad(csv, r, "app.events.badDirection", r.get(2));
            }
            parsed.add(new Parsed(id, r.get(0), at, d));
        }
        String reason = "imported from " + csv.getFileName();
        return db.inTransaction(c -> {
            int added = 0;
            Set<String> done = new HashSet<>();
            for (Parsed p : parsed) {
                boolean there = !done.add(p.code() + " " + p.at() + " " + p.direction())
                        || events.ofEmployeeBetween(p.employeeId(), p.at(), p.at()).stream()
                        .anyMatch(e -> e.direction() == p.direction());
                if (!there) {
                    events.insert(new EventRepository.NewEvent(p.employeeId(), p.at(), zone, p.direction(), null,
                            null, null, reason, actor));
                    added++;
                }
            }
            audit.record(actor, AuditLog.IMPORT, csv.getFileName().toString(), "events: " + rows.size() + " rows, "
                    + added + " added, " + (rows.size() - added) + " already there");
            return new ImportResult(added, rows.size() - added);
        });
    }
}
