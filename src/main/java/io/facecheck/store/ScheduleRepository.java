package io.facecheck.store;

import io.facecheck.timesheet.RosterEntry;
import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.Shift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who works which shift when: weekly schedule assignments (per employee or department, effective from a date) and
 * per-date roster entries. A shift name of {@link Shift#OFF} is stored as no shift.
 */
public final class ScheduleRepository {
    private static final String SELECT_ASSIGNMENT = "SELECT a.id, e.code, a.department, s.name AS shift_name, "
            + "a.weekdays, a.effective_from FROM schedule_assignment a LEFT JOIN employee e ON e.id = a.employee_id "
            + "LEFT JOIN shift s ON s.id = a.shift_id ";

    /** What {@link #assign} changed: the new row, and the older rows of the same date it took weekdays from. */
    public record Assigned(ScheduleAssignment added, List<Narrowed> narrowed) {
    }

    /** An older assignment that lost weekdays to a new one ({@code after} empty: it had none left and is gone). */
    public record Narrowed(ScheduleAssignment before, Optional<ScheduleAssignment> after) {
    }

    /** What {@link #putRoster} changed: each entry written, with the one it replaced (empty: none). */
    public record RosterChange(RosterEntry after, Optional<RosterEntry> before) {
    }

    private final Database db;
    private final Clock clock;

    public ScheduleRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    public ScheduleRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Adds an assignment. An older assignment of the same employee (or department) with the same effective date
     * loses the weekdays the new one covers, so for any date and weekday exactly one assignment of a target applies.
     *
     * @throws StoreException {@code NOT_FOUND} for an unknown employee code or shift name
     */
    public Assigned assign(ScheduleAssignment a) {
        return db.inTransaction(conn -> {
            Long employeeId = a.employeeCode() == null ? null : Rows.employeeId(conn, a.employeeCode(), false);
            Long shiftId = ShiftRepository.idOf(conn, a.shiftName());
            List<Narrowed> narrowed = new ArrayList<>();
            for (var old : sameDate(conn, employeeId, a.department(), a.effectiveFrom())) {
                int overlap = old.mask() & mask(a.days());
                if (overlap == 0) {
                    continue;
                }
                int left = old.mask() & ~overlap;
                if (left == 0) {
                    update(conn, "DELETE FROM schedule_assignment WHERE id = ?", old.id());
                    narrowed.add(new Narrowed(old.value(), Optional.empty()));
                } else {
                    try (PreparedStatement ps = conn.prepareStatement(
                            "UPDATE schedule_assignment SET weekdays = ? WHERE id = ?")) {
                        ps.setInt(1, left);
                        ps.setLong(2, old.id());
                        ps.executeUpdate();
                    }
                    ScheduleAssignment v = old.value();
                    narrowed.add(new Narrowed(v, Optional.of(new ScheduleAssignment(v.employeeCode(), v.department(),
                            v.shiftName(), days(left), v.effectiveFrom()))));
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO schedule_assignment (employee_id, "
                    + "department, shift_id, weekdays, effective_from, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                Rows.setLong(ps, 1, employeeId);
                ps.setString(2, a.department());
                Rows.setLong(ps, 3, shiftId);
                ps.setInt(4, mask(a.days()));
                ps.setObject(5, a.effectiveFrom());
                Rows.setInstant(ps, 6, clock.instant());
                ps.executeUpdate();
            }
            return new Assigned(a, narrowed);
        });
    }

    /** Every assignment that starts on or before {@code notAfter}, oldest first. */
    public List<ScheduleAssignment> assignments(LocalDate notAfter) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT_ASSIGNMENT
                    + "WHERE a.effective_from <= ? ORDER BY a.effective_from, a.id")) {
                ps.setObject(1, notAfter);
                return readAssignments(ps).stream().map(Row::value).toList();
            }
        });
    }

    /**
     * Writes roster entries (one per employee and date: a second one for the same day replaces the first), all in
     * one transaction: an unknown code or shift name writes none of them.
     *
     * @throws StoreException {@code NOT_FOUND} for an unknown employee code or shift name
     */
    public List<RosterChange> putRoster(Collection<RosterEntry> entries) {
        return db.inTransaction(conn -> {
            List<RosterChange> out = new ArrayList<>();
            for (RosterEntry r : entries) {
                long employeeId = Rows.employeeId(conn, r.employeeCode(), false);
                Long shiftId = ShiftRepository.idOf(conn, r.shiftName());
                Optional<RosterEntry> before = rosterOf(conn, employeeId, r.date());
                if (before.isPresent()) {
                    try (PreparedStatement ps = conn.prepareStatement(
                            "UPDATE roster_entry SET shift_id = ? WHERE employee_id = ? AND work_date = ?")) {
                        Rows.setLong(ps, 1, shiftId);
                        ps.setLong(2, employeeId);
                        ps.setObject(3, r.date());
                        ps.executeUpdate();
                    }
                } else {
                    try (PreparedStatement ps = conn.prepareStatement(
                            "INSERT INTO roster_entry (employee_id, work_date, shift_id) VALUES (?, ?, ?)")) {
                        ps.setLong(1, employeeId);
                        ps.setObject(2, r.date());
                        Rows.setLong(ps, 3, shiftId);
                        ps.executeUpdate();
                    }
                }
                RosterEntry after = new RosterEntry(r.employeeCode(), r.date(),
                        shiftId == null ? Shift.OFF : r.shiftName());
                out.add(new RosterChange(after, before));
            }
            return out;
        });
    }

    /** Roster entries dated {@code from..to} (inclusive), by date and code. */
    public List<RosterEntry> roster(LocalDate from, LocalDate to) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(ROSTER_SELECT
                    + "WHERE r.work_date >= ? AND r.work_date <= ? ORDER BY r.work_date, e.code")) {
                ps.setObject(1, from);
                ps.setObject(2, to);
                return readRoster(ps);
            }
        });
    }

    private static final String ROSTER_SELECT = "SELECT e.code, r.work_date, s.name AS shift_name FROM roster_entry r "
            + "JOIN employee e ON e.id = r.employee_id LEFT JOIN shift s ON s.id = r.shift_id ";

    private static Optional<RosterEntry> rosterOf(Connection conn, long employeeId, LocalDate date) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(ROSTER_SELECT
                + "WHERE r.employee_id = ? AND r.work_date = ?")) {
            ps.setLong(1, employeeId);
            ps.setObject(2, date);
            return readRoster(ps).stream().findFirst();
        }
    }

    private static List<RosterEntry> readRoster(PreparedStatement ps) throws SQLException {
        List<RosterEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String shift = rs.getString("shift_name");
                out.add(new RosterEntry(rs.getString("code"), rs.getObject("work_date", LocalDate.class),
                        shift == null ? Shift.OFF : shift));
            }
        }
        return out;
    }

    private record Row(long id, int mask, ScheduleAssignment value) {
    }

    private static List<Row> sameDate(Connection conn, Long employeeId, String department, LocalDate from)
            throws SQLException {
        String where = employeeId != null ? "WHERE a.employee_id = ? " : "WHERE a.department = ? ";
        try (PreparedStatement ps = conn.prepareStatement(SELECT_ASSIGNMENT + where
                + "AND a.effective_from = ? ORDER BY a.id")) {
            if (employeeId != null) {
                ps.setLong(1, employeeId);
            } else {
                ps.setString(1, department);
            }
            ps.setObject(2, from);
            return readAssignments(ps);
        }
    }

    private static List<Row> readAssignments(PreparedStatement ps) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String shift = rs.getString("shift_name");
                int mask = rs.getInt("weekdays");
                out.add(new Row(rs.getLong("id"), mask, new ScheduleAssignment(rs.getString("code"),
                        rs.getString("department"), shift == null ? Shift.OFF : shift, days(mask),
                        rs.getObject("effective_from", LocalDate.class))));
            }
        }
        return out;
    }

    /** Monday = bit 0 … Sunday = bit 6. */
    static int mask(Set<DayOfWeek> days) {
        int m = 0;
        for (DayOfWeek d : days) {
            m |= 1 << (d.getValue() - 1);
        }
        return m;
    }

    static Set<DayOfWeek> days(int mask) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((mask & 1 << (d.getValue() - 1)) != 0) {
                out.add(d);
            }
        }
        return out;
    }

    private static void update(Connection conn, String sql, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
