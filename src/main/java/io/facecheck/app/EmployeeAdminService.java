package io.facecheck.app;

import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeRepository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Employees as HR keeps them, before (or without) a face: add one, or import {@code code,name,department} rows from
 * the HR system (new codes added, known ones updated). Every change is audited with its before and after.
 */
public final class EmployeeAdminService {
    static final List<String> IMPORT_COLUMNS = List.of("code", "name", "department");

    /** What an import did: codes added, codes updated, codes whose row changed nothing. */
    public record ImportResult(List<String> added, List<String> updated, List<String> unchanged) {
    }

    private final Database db;
    private final EmployeeRepository employees;
    private final AuditLog audit;

    public EmployeeAdminService(Database db) {
        this.db = db;
        this.employees = new EmployeeRepository(db);
        this.audit = new AuditLog(db);
    }

    /** Adds an employee without a face. {@code CONFLICT} when the code is taken. */
    public Employee add(String code, String name, String department, String actor) {
        return db.inTransaction(c -> {
            Employee e = employees.create(code, name, department);
            audit.record(actor, AuditLog.EMPLOYEE_ADD, e.code(), "before: none; after: " + describe(e));
            return e;
        });
    }

    /**
     * Imports {@code csv}: every row is checked first (fields, blank code or name, a code twice), then all are
     * written in one transaction, so a malformed file changes nothing.
     */
    public ImportResult importCsv(Path csv, String actor) {
        List<CsvInput.Row> rows = CsvInput.read(csv, IMPORT_COLUMNS);
        Set<String> seen = new HashSet<>();
        for (CsvInput.Row r : rows) {
            if (r.get(0).isEmpty()) {
                throw CsvInput.bad(csv, r, "empty code");
            }
            if (r.get(1).isEmpty()) {
                throw CsvInput.bad(csv, r, "empty name for " + r.get(0));
            }
            if (!seen.add(r.get(0))) {
                throw CsvInput.bad(csv, r, "code " + r.get(0) + " appears twice in the file");
            }
        }
        return db.inTransaction(c -> {
            List<String> added = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            for (CsvInput.Row r : rows) {
                String code = r.get(0);
                String dept = r.get(2).isEmpty() ? null : r.get(2);
                Optional<Employee> before = employees.findByCode(code);
                if (before.isEmpty()) {
                    Employee e = employees.create(code, r.get(1), dept);
                    audit.record(actor, AuditLog.EMPLOYEE_ADD, code, "import " + csv.getFileName()
                            + "; before: none; after: " + describe(e));
                    added.add(code);
                } else if (before.get().name().equals(r.get(1)) && Objects.equals(before.get().department(), dept)) {
                    unchanged.add(code);
                } else {
                    Employee e = employees.update(code, r.get(1), dept, before.get().active());
                    audit.record(actor, AuditLog.UPDATE, code, "import " + csv.getFileName() + "; before: "
                            + describe(before.get()) + "; after: " + describe(e));
                    updated.add(code);
                }
            }
            return new ImportResult(added, updated, unchanged);
        });
    }

    // --- reads and edits of one employee (the HTTP API's; keep each small) ---

    /** What an update changes: a null field is kept; "" clears the department, greeting name or reading. */
    public record Changes(String name, String department, String greetingName, String reading, Boolean active) {
        public boolean none() {
            return name == null && department == null && greetingName == null && reading == null && active == null;
        }
    }

    public Optional<Employee> get(String code) {
        return employees.findByCode(code);
    }

    /** Employees by code; inactive ones too when {@code includeInactive}. */
    public List<Employee> list(boolean includeInactive) {
        return employees.list(includeInactive);
    }

    /**
     * Applies {@code changes}, audited with before and after, in one transaction ((de)activation is a gallery
     * change). {@code NOT_FOUND} for an unknown code, {@code INVALID} for a value that cannot be stored.
     */
    public Employee update(String code, Changes changes, String actor) {
        if (changes.none()) {
            throw new InvalidInput("nothing to change: give name, department, greetingName, reading or active");
        }
        return db.inTransaction(c -> {
            Employee old = employees.require(code);
            Employee e = employees.update(code, changes.name() != null ? changes.name() : old.name(),
                    changes.department() != null ? changes.department() : old.department(),
                    changes.active() != null ? changes.active() : old.active());
            if (changes.greetingName() != null || changes.reading() != null) {
                e = employees.updateNames(code, changes.greetingName() != null ? changes.greetingName()
                        : old.greetingName(), changes.reading() != null ? changes.reading() : old.reading());
            }
            audit.record(actor, AuditLog.UPDATE, code, "before: " + describe(old) + ", active=" + old.active()
                    + "; after: " + describe(e) + ", active=" + e.active());
            return e;
        });
    }

    /** Deletes the employee with their face data and events, audited; false when there is no such employee. */
    public boolean delete(String code, String actor) {
        return io.facecheck.attendance.EnrollmentService.erase(db, code, actor);
    }

    /** Erases the employee's face data, keeping them and their events; -1 when there is no such employee. */
    public int eraseFace(String code, String actor) {
        return io.facecheck.attendance.EnrollmentService.eraseFaceData(db, code, actor);
    }

    private static String describe(Employee e) {
        return "name=" + e.name() + ", department=" + (e.department() == null ? "" : e.department());
    }
}
