package io.facecheck.store;

import io.facecheck.config.LocalizedMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Employees: create, find, list, update, delete (delete erases their templates, crops and events). */
public final class EmployeeRepository {
    private static final String COLUMNS = "id, code, name, department, active, created_at, greeting_name, reading";

    private final Database db;
    private final Clock clock;

    public EmployeeRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    public EmployeeRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Adds an employee.
     *
     * @throws StoreException {@code CONFLICT} when the code is taken, {@code INVALID} when a value breaks
     *                        {@link EmployeeFields}' rules
     */
    public Employee create(String code, String name, String department) {
        return create(code, name, department, null, null);
    }

    /**
     * Adds an employee with the name they want to be greeted with and the reading of their name (either may be
     * null: none).
     *
     * @throws StoreException as {@link #create(String, String, String)}
     */
    public Employee create(String code, String name, String department, String greetingName, String reading) {
        String c = EmployeeFields.code(code);
        String n = EmployeeFields.name(name);
        String d = EmployeeFields.department(department);
        String g = EmployeeFields.greetingName(greetingName);
        String r = EmployeeFields.reading(reading);
        return db.inTransaction(conn -> {
            if (findByCode(conn, c).isPresent()) {
                throw new StoreException(StoreException.Kind.CONFLICT, "employee code " + c + " already exists");
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO employee (code, name, department, active, created_at, greeting_name, reading) "
                            + "VALUES (?, ?, ?, TRUE, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, c);
                ps.setString(2, n);
                ps.setString(3, d);
                Rows.setInstant(ps, 4, clock.instant());
                ps.setString(5, g);
                ps.setString(6, r);
                ps.executeUpdate();
                Employee e = findById(conn, Rows.generatedId(ps)).orElseThrow();
                changed(conn, e, "added");
                return e;
            }
        });
    }

    public Optional<Employee> findByCode(String code) {
        return db.inTransaction(conn -> findByCode(conn, code));
    }

    public Optional<Employee> findById(long id) {
        return db.inTransaction(conn -> findById(conn, id));
    }

    /** The employee with {@code code}, or a {@code NOT_FOUND} error naming the code. */
    public Employee require(String code) {
        return findByCode(code).orElseThrow(() ->
                new StoreException(StoreException.Kind.NOT_FOUND, LocalizedMessage.of("cli.error.noEmployee", code)));
    }

    /** All employees ordered by code; inactive ones only when asked. */
    public List<Employee> list(boolean includeInactive) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM employee"
                    + (includeInactive ? "" : " WHERE active") + " ORDER BY code")) {
                return readAll(ps);
            }
        });
    }

    /** Number of templates of {@code modelId} per employee code (codes without templates are absent). */
    public Map<String, Integer> templateCounts(String modelId) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT e.code, COUNT(t.id) FROM employee e "
                    + "JOIN face_template t ON t.employee_id = e.id WHERE t.model_id = ? GROUP BY e.code")) {
                ps.setString(1, modelId);
                Map<String, Integer> m = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return m;
            }
        });
    }

    /**
     * Changes the greeting name and the reading of the employee with {@code code} (null or blank: none), keeping
     * everything else. The kiosks' galleries learn the new greeting name (and cache it for offline use).
     */
    public Employee updateNames(String code, String greetingName, String reading) {
        String g = EmployeeFields.greetingName(greetingName);
        String r = EmployeeFields.reading(reading);
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE employee SET greeting_name = ?, reading = ? WHERE code = ?")) {
                ps.setString(1, g);
                ps.setString(2, r);
                ps.setString(3, code);
                if (ps.executeUpdate() == 0) {
                    throw new StoreException(StoreException.Kind.NOT_FOUND,
                            LocalizedMessage.of("cli.error.noEmployee", code));
                }
            }
            GalleryChanges.mark(conn, code); // kiosks greet with the name their gallery (cache) holds
            Employee e = findByCode(conn, code).orElseThrow();
            changed(conn, e, "updated");
            return e;
        });
    }

    /** Changes name, department and active flag of the employee with {@code code}. */
    public Employee update(String code, String name, String department, boolean active) {
        String n = EmployeeFields.name(name);
        String d = EmployeeFields.department(department);
        return db.inTransaction(conn -> {
            Optional<Employee> before = findByCode(conn, code);
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE employee SET name = ?, department = ?, active = ? WHERE code = ?")) {
                ps.setString(1, n);
                ps.setString(2, d);
                ps.setBoolean(3, active);
                ps.setString(4, code);
                if (ps.executeUpdate() == 0) {
                    throw new StoreException(StoreException.Kind.NOT_FOUND,
                            LocalizedMessage.of("cli.error.noEmployee", code));
                }
            }
            GalleryChanges.mark(conn, code); // (de)activation changes who kiosks recognise
            Employee e = findByCode(conn, code).orElseThrow();
            boolean wasActive = before.map(Employee::active).orElse(active);
            changed(conn, e, wasActive == active ? "updated" : active ? "reactivated" : "deactivated");
            return e;
        });
    }

    /**
     * Deletes the employee with {@code code} and, by cascade, their templates, enrollment crops and events.
     *
     * @return whether there was such an employee
     */
    public boolean delete(String code) {
        return db.inTransaction(conn -> {
            Optional<Employee> before = findByCode(conn, code);
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM employee WHERE code = ?")) {
                ps.setString(1, code);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            GalleryChanges.mark(conn, code);
            changed(conn, before.orElseThrow(), "deleted");
            return true;
        });
    }

    /**
     * Tells webhooks (the {@link Outbox}) of a change to {@code e}, in the caller's transaction: who they are and
     * what changed, never face data.
     */
    static void changed(Connection conn, Employee e, String change) throws SQLException {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("change", change);
        m.put("code", e.code());
        m.put("name", e.name());
        m.put("department", e.department());
        m.put("active", e.active() && !change.equals("deleted"));
        Outbox.emit(conn, Outbox.EMPLOYEE_CHANGED, java.time.Instant.now(), m);
    }

    private Optional<Employee> findByCode(Connection conn, String code) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM employee WHERE code = ?")) {
            ps.setString(1, code);
            return readAll(ps).stream().findFirst();
        }
    }

    private Optional<Employee> findById(Connection conn, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM employee WHERE id = ?")) {
            ps.setLong(1, id);
            return readAll(ps).stream().findFirst();
        }
    }

    private static List<Employee> readAll(PreparedStatement ps) throws SQLException {
        List<Employee> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Employee(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("department"), rs.getBoolean("active"), Rows.instant(rs, "created_at"),
                        rs.getString("greeting_name"), rs.getString("reading")));
            }
        }
        return out;
    }
}
