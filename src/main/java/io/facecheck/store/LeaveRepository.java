package io.facecheck.store;

import io.facecheck.timesheet.Leave;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Employees' leave: full days over a date range, or hours on one day. One employee's leave never overlaps. */
public final class LeaveRepository {
    private static final String SELECT = "SELECT e.code, l.from_date, l.to_date, l.leave_type, l.minutes "
            + "FROM employee_leave l JOIN employee e ON e.id = l.employee_id ";

    private final Database db;
    private final Clock clock;

    public LeaveRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    public LeaveRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Adds leave. The employee's row is locked first, so two administrators adding overlapping leave at once
     * cannot both succeed.
     *
     * @throws StoreException {@code NOT_FOUND} for an unknown employee, {@code CONFLICT} when it overlaps leave
     *                        the employee already has (the message names that leave)
     */
    public Leave add(Leave l) {
        return db.inTransaction(conn -> {
            long employeeId = Rows.employeeId(conn, l.employeeCode(), true);
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE l.employee_id = ? "
                    + "AND l.from_date <= ? AND l.to_date >= ? ORDER BY l.from_date")) {
                ps.setLong(1, employeeId);
                ps.setObject(2, l.to());
                ps.setObject(3, l.from());
                List<Leave> clash = read(ps);
                if (!clash.isEmpty()) {
                    Leave c = clash.get(0);
                    throw new StoreException(StoreException.Kind.CONFLICT, "leave of " + l.employeeCode() + " "
                            + range(l) + " overlaps their " + c.type() + " leave " + range(c));
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO employee_leave (employee_id, from_date, "
                    + "to_date, leave_type, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, employeeId);
                ps.setObject(2, l.from());
                ps.setObject(3, l.to());
                ps.setString(4, l.type());
                if (l.minutes() == null) {
                    ps.setNull(5, Types.INTEGER);
                } else {
                    ps.setInt(5, l.minutes());
                }
                Rows.setInstant(ps, 6, clock.instant());
                ps.executeUpdate();
            }
            return l;
        });
    }

    /** Leave that touches {@code from..to} (inclusive), by start date and code. */
    public List<Leave> between(LocalDate from, LocalDate to) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE l.from_date <= ? AND l.to_date >= ? "
                    + "ORDER BY l.from_date, e.code")) {
                ps.setObject(1, to);
                ps.setObject(2, from);
                return read(ps);
            }
        });
    }

    private static String range(Leave l) {
        String days = l.from().equals(l.to()) ? "on " + l.from() : l.from() + ".." + l.to();
        return l.minutes() == null ? days : days + " (" + l.minutes() + " min)";
    }

    private static List<Leave> read(PreparedStatement ps) throws SQLException {
        List<Leave> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Long minutes = Rows.nullableLong(rs, "minutes");
                out.add(new Leave(rs.getString("code"), rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class), rs.getString("leave_type"),
                        minutes == null ? null : minutes.intValue()));
            }
        }
        return out;
    }
}
