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

    /** The employees of {@code engine}'s database. */
    public static EmployeeAdminService of(io.facecheck.attendance.AttendanceEngine engine) {
        return new EmployeeAdminService(engine.db());
    }

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
     * Sets the name the employee is greeted with and the reading of their name (null or blank: none), audited with
     * the before and after; the kiosks' galleries learn the new greeting. {@code NOT_FOUND} for an unknown code.
     */
    public Employee setNames(String code, String greetingName, String reading, String actor) {
        return db.inTransaction(c -> {
            Optional<Employee> old = employees.findByCode(code);
            Employee e = employees.updateNames(code, greetingName, reading);
            audit.record(actor, AuditLog.UPDATE, e.code(), "greeting name " + old.map(Employee::greetingName)
                    .orElse(null) + " -> " + e.greetingName() + ", reading " + old.map(Employee::reading).orElse(null)
                    + " -> " + e.reading());
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
                throw CsvInput.bad(csv, r, "app.employees.emptyCode");
            }
            if (r.get(1).isEmpty()) {
                throw CsvInput.bad(csv, r, "app.employees.emptyName", r.get(0));
            }
            if (!seen.add(r.get(0))) {
                throw CsvInput.bad(csv, r, "app.employees.twice", r.get(0));
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
            throw InvalidInput.of("app.api.nothingToChange");
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

    // --- the admin screens' employee list and edit (issue 20, the application layer) ---

    /** An employee with how many face samples they have. */
    public record Listed(Employee employee, int templates) {
    }

    /**
     * Everyone, active or not, with their face samples of {@code modelId} (templates of another model recognise no
     * one); with a null model (the engine is not loaded yet) all of their samples.
     */
    public List<Listed> listWithTemplates(String modelId) {
        java.util.Map<String, Integer> counts = modelId == null ? null : employees.templateCounts(modelId);
        io.facecheck.store.TemplateRepository templates = new io.facecheck.store.TemplateRepository(db);
        List<Listed> out = new ArrayList<>();
        for (Employee e : employees.list(true)) {
            out.add(new Listed(e, counts != null ? counts.getOrDefault(e.code(), 0)
                    : templates.listByEmployee(e.id()).size()));
        }
        return out;
    }

    /**
     * Changes an employee's name, department, active flag, greeting name and reading in one transaction (a greeting
     * name that is refused leaves the name unchanged too), with its audit entry; then has {@code liveGallery} reload
     * them, since inactive people are not matched. Other processes' galleries see it through the store's change
     * marks.
     *
     * @param liveGallery the gallery of this process's loaded engine, or null when none is loaded
     */
    public Employee update(String code, String name, String department, boolean active, String greetingName,
                           String reading, String actor, io.facecheck.attendance.GallerySync liveGallery) {
        Employee e = db.inTransaction(c -> {
            boolean wasActive = employees.require(code).active();
            employees.update(code, name, department, active);
            Employee after = employees.updateNames(code, greetingName, reading);
            audit.record(actor, AuditLog.UPDATE, code,
                    active == wasActive ? "name/department" : (active ? "activated" : "deactivated"));
            return after;
        });
        if (liveGallery != null) {
            liveGallery.refresh(e.code());
        }
        return e;
    }

    /** The employee with {@code code}, if there is one. */
    public Optional<Employee> find(String code) {
        return employees.findByCode(code);
    }

    // --- the CLI's employee commands (issue 20: the commands are adapters over this service) ---

    /**
     * Checks an employee's fields (code, name, department, greeting name, reading) as a change would, without
     * touching the database: a command refuses bad input before it loads models or enrols photos.
     *
     * @throws io.facecheck.store.StoreException {@code INVALID} naming the field
     */
    public static void checkFields(String code, String name, String department, String greetingName, String reading) {
        io.facecheck.store.EmployeeFields.check(code, name, department);
        io.facecheck.store.EmployeeFields.greetingName(greetingName);
        io.facecheck.store.EmployeeFields.reading(reading);
    }

    /** The employee with {@code code}; {@code NOT_FOUND} naming the code when there is none. */
    public Employee require(String code) {
        return employees.require(code);
    }

    /**
     * Face samples per code: the templates of {@code modelId} (those of another model recognise no one), or with a
     * null model all of them.
     */
    public java.util.Map<String, Integer> templateCounts(String modelId) {
        if (modelId != null) {
            return employees.templateCounts(modelId);
        }
        java.util.Map<String, Integer> all = new java.util.LinkedHashMap<>();
        io.facecheck.store.TemplateRepository templates = new io.facecheck.store.TemplateRepository(db);
        for (Employee e : employees.list(true)) {
            all.put(e.code(), templates.listByEmployee(e.id()).size());
        }
        return all;
    }

    /** How many enrollment crops are kept for {@code e} (what {@code templates rebuild} re-embeds). */
    public int keptCrops(Employee e) {
        return new io.facecheck.store.TemplateRepository(db).cropsOf(e.id()).size();
    }

    /**
     * Changes what is given (null: unchanged) of an employee's name, department, greeting name and reading, in one
     * transaction with its audit entry (before and after); empty when there is no employee with {@code code}.
     */
    public Optional<Employee> amend(String code, String name, String department, String greetingName, String reading,
                                    String actor) {
        return db.inTransaction(c -> employees.findByCode(code).map(old -> {
            Employee e = employees.update(code, name != null ? name : old.name(),
                    department != null ? department : old.department(), old.active());
            if (greetingName != null || reading != null) {
                e = employees.updateNames(code, greetingName != null ? greetingName : old.greetingName(),
                        reading != null ? reading : old.reading());
            }
            audit.record(actor, AuditLog.UPDATE, code, "name " + old.name() + " -> " + e.name()
                    + ", department " + old.department() + " -> " + e.department()
                    + ", greeting name " + old.greetingName() + " -> " + e.greetingName()
                    + ", reading " + old.reading() + " -> " + e.reading());
            return e;
        }));
    }

    /**
     * Erases an employee's face data (templates and kept crops), keeping the record and the attendance history;
     * audited. The number of templates erased, or -1 when there is no employee with {@code code}.
     */
    public int eraseFaceData(String code, String actor) {
        return io.facecheck.attendance.EnrollmentService.eraseFaceData(db, code, actor);
    }

}
