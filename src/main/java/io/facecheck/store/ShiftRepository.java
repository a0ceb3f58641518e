package io.facecheck.store;

import io.facecheck.timesheet.Shift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shifts (named timetables): add, find by name, list. A shift is never changed, so past timesheets stay as they were. */
public final class ShiftRepository {
    private static final String SELECT = "SELECT id, name, start_time, end_time, grace_in_minutes, grace_out_minutes, "
            + "break_minutes, overtime_after_minutes, flexible, required_minutes FROM shift ";

    private final Database db;
    private final Clock clock;

    public ShiftRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    public ShiftRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Adds a shift.
     *
     * @throws StoreException {@code CONFLICT} when the name is taken, {@code INVALID} for a blank, too long or
     *                        reserved ({@link Shift#OFF}) name
     */
    public Shift create(Shift s) {
        String name = s.name().strip();
        if (name.isEmpty() || name.length() > 64) {
            throw new StoreException(StoreException.Kind.INVALID, "a shift name has 1 to 64 characters: '" + name + "'");
        }
        if (name.equalsIgnoreCase(Shift.OFF)) {
            throw new StoreException(StoreException.Kind.INVALID, Shift.OFF + " means a rest day; it cannot name a shift");
        }
        return db.inTransaction(conn -> {
            if (find(conn, name).isPresent()) {
                throw new StoreException(StoreException.Kind.CONFLICT, "shift " + name + " already exists");
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO shift (name, start_time, end_time, "
                    + "grace_in_minutes, grace_out_minutes, break_minutes, overtime_after_minutes, flexible, "
                    + "required_minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setObject(2, s.start());
                ps.setObject(3, s.end());
                ps.setInt(4, s.graceInMinutes());
                ps.setInt(5, s.graceOutMinutes());
                ps.setInt(6, s.breakMinutes());
                ps.setInt(7, s.overtimeAfterMinutes());
                ps.setBoolean(8, s.flexible());
                ps.setInt(9, s.requiredMinutes());
                Rows.setInstant(ps, 10, clock.instant());
                ps.executeUpdate();
            }
            return find(conn, name).orElseThrow();
        });
    }

    public Optional<Shift> find(String name) {
        return db.inTransaction(conn -> find(conn, name));
    }

    /** The shift named {@code name}, or a {@code NOT_FOUND} error naming it. */
    public Shift require(String name) {
        return find(name).orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND, "no shift named " + name));
    }

    /** Every shift, by name. */
    public List<Shift> list() {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "ORDER BY name")) {
                return read(ps);
            }
        });
    }

    /**
     * Deletes shift {@code name}; returns whether there was one.
     *
     * @throws StoreException {@code CONFLICT} while a schedule or roster still names it
     */
    public boolean delete(String name) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM schedule_assignment a JOIN shift s "
                    + "ON s.id = a.shift_id WHERE s.name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new StoreException(StoreException.Kind.CONFLICT, "shift " + name
                                + " is still in a schedule");
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM roster_entry r JOIN shift s "
                    + "ON s.id = r.shift_id WHERE s.name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new StoreException(StoreException.Kind.CONFLICT, "shift " + name
                                + " is still in a roster");
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM shift WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The row id of shift {@code name} (null for {@link Shift#OFF}), or {@code NOT_FOUND}. */
    static Long idOf(Connection conn, String name) throws SQLException {
        if (name.equalsIgnoreCase(Shift.OFF)) {
            return null;
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM shift WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(StoreException.Kind.NOT_FOUND, "no shift named " + name);
                }
                return rs.getLong(1);
            }
        }
    }

    private static Optional<Shift> find(Connection conn, String name) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE name = ?")) {
            ps.setString(1, name);
            return read(ps).stream().findFirst();
        }
    }

    private static List<Shift> read(PreparedStatement ps) throws SQLException {
        List<Shift> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Shift(rs.getString("name"), rs.getObject("start_time", LocalTime.class),
                        rs.getObject("end_time", LocalTime.class), rs.getInt("grace_in_minutes"),
                        rs.getInt("grace_out_minutes"), rs.getInt("break_minutes"),
                        rs.getInt("overtime_after_minutes"), rs.getBoolean("flexible"), rs.getInt("required_minutes")));
            }
        }
        return out;
    }
}
