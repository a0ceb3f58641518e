package io.facecheck.store;

import io.facecheck.timesheet.Holiday;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The holiday calendar: one named holiday per date. */
public final class HolidayRepository {
    private final Database db;

    public HolidayRepository(Database db) {
        this.db = db;
    }

    /**
     * Adds a holiday.
     *
     * @throws StoreException {@code CONFLICT} when the date already is one, {@code INVALID} for a blank name
     */
    public Holiday add(Holiday h) {
        String name = h.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new StoreException(StoreException.Kind.INVALID, "a holiday name has 1 to 200 characters");
        }
        return db.inTransaction(conn -> {
            Optional<Holiday> there = find(conn, h.date());
            if (there.isPresent()) {
                throw new StoreException(StoreException.Kind.CONFLICT, h.date() + " already is a holiday ("
                        + there.get().name() + ")");
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO holiday (holiday_date, name) VALUES (?, ?)")) {
                ps.setObject(1, h.date());
                ps.setString(2, name);
                ps.executeUpdate();
            }
            return new Holiday(h.date(), name);
        });
    }

    public Optional<Holiday> find(LocalDate date) {
        return db.inTransaction(conn -> find(conn, date));
    }

    /** Holidays dated {@code from..to} (inclusive), by date. */
    public List<Holiday> between(LocalDate from, LocalDate to) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT holiday_date, name FROM holiday "
                    + "WHERE holiday_date >= ? AND holiday_date <= ? ORDER BY holiday_date")) {
                ps.setObject(1, from);
                ps.setObject(2, to);
                return read(ps);
            }
        });
    }

    /** Removes the holiday of {@code date}: what it was, or empty when there was none. */
    public Optional<Holiday> remove(LocalDate date) {
        return db.inTransaction(conn -> {
            Optional<Holiday> there = find(conn, date);
            if (there.isPresent()) {
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM holiday WHERE holiday_date = ?")) {
                    ps.setObject(1, date);
                    ps.executeUpdate();
                }
            }
            return there;
        });
    }

    private static Optional<Holiday> find(Connection conn, LocalDate date) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT holiday_date, name FROM holiday WHERE holiday_date = ?")) {
            ps.setObject(1, date);
            return read(ps).stream().findFirst();
        }
    }

    private static List<Holiday> read(PreparedStatement ps) throws SQLException {
        List<Holiday> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name")));
            }
        }
        return out;
    }
}
