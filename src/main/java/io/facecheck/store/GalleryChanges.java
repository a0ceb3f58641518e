package io.facecheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The change counter of the gallery: every repository write that changes who can be recognised appends the
 * employee's code in the same transaction ({@link #mark}), and a kiosk asks for the rows after the last it saw
 * ({@link #since}) to reload only those employees. Sequence numbers are handed out at insert but become visible
 * at commit, so a reader re-asks a little behind its newest ({@code GallerySync} keeps an overlap) to catch a
 * slower transaction's lower number.
 */
public final class GalleryChanges {
    /** One committed change. */
    public record Change(long seq, String employeeCode) {
    }

    private final Database db;

    public GalleryChanges(Database db) {
        this.db = db;
    }

    /** Notes a change to {@code code}'s recognisability inside the caller's transaction. */
    static void mark(Connection conn, String code) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO gallery_change (employee_code, changed_at) VALUES (?, ?)")) {
            ps.setString(1, code);
            Rows.setInstant(ps, 2, Instant.now());
            ps.executeUpdate();
        }
    }

    /** Notes a change to the employee with {@code employeeId} (by id), inside the caller's transaction. */
    static void markEmployee(Connection conn, long employeeId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gallery_change (employee_code, changed_at) "
                + "SELECT code, ? FROM employee WHERE id = ?")) {
            Rows.setInstant(ps, 1, Instant.now());
            ps.setLong(2, employeeId);
            ps.executeUpdate();
        }
    }

    /** The newest sequence number, 0 when nothing changed yet. */
    public long latest() {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM gallery_change");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The changes with a sequence number above {@code afterSeq}, oldest first. */
    public List<Change> since(long afterSeq) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT seq, employee_code FROM gallery_change WHERE seq > ? ORDER BY seq")) {
                ps.setLong(1, afterSeq);
                List<Change> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Change(rs.getLong(1), rs.getString(2)));
                    }
                }
                return out;
            }
        });
    }
}
