package io.facecheck.app;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.ScheduleRepository;
import io.facecheck.store.ShiftRepository;
import io.facecheck.store.StoreException;
import io.facecheck.timesheet.RosterEntry;
import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.Shift;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Who works what: weekly assignments (per employee or department) and roster files, each change audited. */
public final class ScheduleService {
    static final List<String> ROSTER_COLUMNS = List.of("code", "date", "shift");

    /** What a roster import did. */
    public record RosterResult(int added, int changed, int unchanged) {
    }

    /** An assignment made, and how many older ones lost weekdays to it (or went, having none left). */
    public record Assigned(ScheduleAssignment added, int replaced) {
    }

    private final Database db;
    private final ScheduleRepository schedules;
    private final ShiftRepository shifts;
    private final EmployeeRepository employees;
    private final AuditLog audit;

    public ScheduleService(Database db) {
        this.db = db;
        this.schedules = new ScheduleRepository(db);
        this.shifts = new ShiftRepository(db);
        this.employees = new EmployeeRepository(db);
        this.audit = new AuditLog(db);
    }

    /**
     * Adds an assignment. A department must have at least one employee (a misspelt department would otherwise be
     * scheduled silently for nobody); the shift must exist unless it is {@link Shift#OFF}.
     *
     * @throws StoreException {@code NOT_FOUND} naming the unknown employee, department or shift
     */
    public Assigned assign(ScheduleAssignment a, String actor) {
        if (a.department() != null && employees.list(true).stream()
                .noneMatch(e -> a.department().equals(e.department()))) {
            throw new StoreException(StoreException.Kind.NOT_FOUND,
                    LocalizedMessage.of("app.schedule.noDepartment", a.department()));
        }
        return db.inTransaction(c -> {
            ScheduleRepository.Assigned done = schedules.assign(a);
            StringBuilder details = new StringBuilder("after: ").append(a);
            for (ScheduleRepository.Narrowed n : done.narrowed()) {
                details.append("; replaced on those days: ").append(n.before()).append(" -> ")
                        .append(n.after().map(Object::toString).orElse("removed"));
            }
            audit.record(actor, AuditLog.SCHEDULE, a.employeeCode() != null ? a.employeeCode()
                    : "department " + a.department(), details.toString());
            return new Assigned(done.added(), done.narrowed().size());
        });
    }

    /** Every assignment, in the order made (the later of two from the same date wins). */
    public List<ScheduleAssignment> assignments() {
        return schedules.assignments(LocalDate.of(9999, 12, 31));
    }

    /**
     * Imports a roster file ({@code code,date,shift}, {@code shift} may be {@code OFF}). Every row is checked first:
     * an unknown code or shift, a bad date, or one employee's date twice refuses the whole file, naming the line.
     */
    public RosterResult importRoster(Path csv, String actor) {
        List<CsvInput.Row> rows = CsvInput.read(csv, ROSTER_COLUMNS);
        Set<String> codes = employees.list(true).stream().map(e -> e.code()).collect(Collectors.toSet());
        Map<String, String> shiftNames = new HashMap<>();
        shifts.list().forEach(s -> shiftNames.put(s.name(), s.name()));
        Set<String> seen = new HashSet<>();
        List<RosterEntry> entries = new ArrayList<>();
        for (CsvInput.Row r : rows) {
            String code = r.get(0);
            if (!codes.contains(code)) {
                throw CsvInput.bad(csv, r, "app.csv.noEmployee", code);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(r.get(1));
            } catch (DateTimeParseException e) {
                throw CsvInput.bad(csv, r, "app.roster.badDate", r.get(1));
            }
            String shift = r.get(2);
            if (shift.equalsIgnoreCase(Shift.OFF)) {
                shift = Shift.OFF;
            } else if (!shiftNames.containsKey(shift)) {
                throw CsvInput.bad(csv, r, "app.roster.noShift", shift);
            }
            if (!seen.add(code + " " + date)) {
                throw CsvInput.bad(csv, r, "app.roster.twice", code, date);
            }
            entries.add(new RosterEntry(code, date, shift));
        }
        return db.inTransaction(c -> {
            List<ScheduleRepository.RosterChange> changes = schedules.putRoster(entries);
            int added = 0;
            int changed = 0;
            Set<String> lines = new LinkedHashSet<>();
            for (ScheduleRepository.RosterChange ch : changes) {
                if (ch.before().isEmpty()) {
                    added++;
                    lines.add(ch.after().employeeCode() + " " + ch.after().date() + ": none -> "
                            + ch.after().shiftName());
                } else if (!ch.before().get().equals(ch.after())) {
                    changed++;
                    lines.add(ch.after().employeeCode() + " " + ch.after().date() + ": "
                            + ch.before().get().shiftName() + " -> " + ch.after().shiftName());
                }
            }
            audit.record(actor, AuditLog.ROSTER, csv.getFileName().toString(), entries.size() + " rows, " + added
                    + " added, " + changed + " changed" + (lines.isEmpty() ? "" : "; before -> after: "
                    + String.join("; ", lines)));
            return new RosterResult(added, changed, entries.size() - added - changed);
        });
    }
}
