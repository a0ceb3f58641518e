package io.facecheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Employees' kiosk PINs: a bcrypt hash each, whether it is a one-time PIN an administrator issued, and the wrong
 * tries against it ({@link LockState}). The rules (length, lockout) are {@code app.PinService}'s.
 */
public final class EmployeePins {
    /**
     * An employee's PIN as stored, with what the kiosk needs to know about the employee.
     *
     * @param hash    the bcrypt hash
     * @param oneTime issued by an administrator: to be replaced by the employee at its first use
     */
    public record Pin(long employeeId, String code, String department, boolean active, String hash, boolean oneTime,
                      LockState lock) {
        @Override
        public String toString() {
            return "Pin[" + code + (oneTime ? ", one-time" : "") + ", " + lock + "]";
        }
    }

    private final Database db;

    public EmployeePins(Database db) {
        this.db = db;
    }

    /** The PIN of the employee with {@code code}, its row locked for the enclosing transaction. */
    public Optional<Pin> findForUpdate(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.employee_id, e.code, e.department, e.active, "
                + "p.pin_hash, p.one_time, p.failed_attempts, p.locked_until FROM employee_pin p "
                + "JOIN employee e ON e.id = p.employee_id WHERE e.code = ? FOR UPDATE")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Pin(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getBoolean(6),
                        new LockState(rs.getInt(7), Rows.instant(rs, "locked_until"))));
            }
        }
    }

    /** The PIN of the employee with {@code code}, if one is set. */
    public Optional<Pin> find(String code) {
        return db.inTransaction(c -> findForUpdate(c, code));
    }

    /** Sets (or replaces) an employee's PIN hash; the wrong tries and any lock are cleared. */
    public void set(Connection c, long employeeId, String hash, boolean oneTime, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM employee_pin WHERE employee_id = ?")) {
            del.setLong(1, employeeId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO employee_pin (employee_id, pin_hash, one_time, "
                + "failed_attempts, locked_until, set_at, set_by) VALUES (?, ?, ?, 0, NULL, ?, ?)")) {
            ps.setLong(1, employeeId);
            ps.setString(2, hash);
            ps.setBoolean(3, oneTime);
            Rows.setInstant(ps, 4, at);
            ps.setString(5, actor);
            ps.executeUpdate();
        }
    }

    /** Writes the wrong tries and lock of an employee's PIN. */
    public void saveLock(Connection c, long employeeId, LockState lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE employee_pin SET failed_attempts = ?, locked_until = ? WHERE employee_id = ?")) {
            ps.setInt(1, lock.failures());
            Rows.setInstant(ps, 2, lock.lockedUntil());
            ps.setLong(3, employeeId);
            ps.executeUpdate();
        }
    }

    /** Removes an employee's PIN; returns whether there was one. */
    public boolean remove(Connection c, long employeeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM employee_pin WHERE employee_id = ?")) {
            ps.setLong(1, employeeId);
            return ps.executeUpdate() > 0;
        }
    }
}
