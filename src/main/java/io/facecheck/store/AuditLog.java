package io.facecheck.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Append-only audit log of administrative actions (enroll, delete, export, settings change, login, corrections). */
public final class AuditLog {
    public static final String ENROLL = "enroll";
    public static final String DELETE = "delete";
    public static final String ERASE_FACE = "erase-face-data";
    public static final String UPDATE = "update";
    public static final String EXPORT = "export";
    public static final String SETTINGS = "settings";
    public static final String LOGIN = "login";
    public static final String LOGIN_FAILED = "login-failed";
    public static final String CORRECTION = "correction";
    public static final String ADMIN_USER = "admin-user";
    public static final String IMPORT = "import";
    public static final String REBUILD = "templates-rebuild";
    public static final String KEY_ROTATE = "key-rotate";
    public static final String KEY_RETIRE = "key-retire";
    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";
    public static final String EMPLOYEE_ADD = "employee-add";
    public static final String SHIFT_ADD = "shift-add";
    public static final String SCHEDULE = "schedule-assign";
    public static final String ROSTER = "roster-import";
    public static final String HOLIDAY = "holiday-add";
    public static final String HOLIDAY_REMOVE = "holiday-remove";
    public static final String LEAVE = "leave-add";
    public static final String PIN_SET = "pin-set";
    public static final String PIN_ISSUE = "pin-issue";
    public static final String PIN_FAILED = "pin-failed";
    public static final String PIN_CHECK_IN = "pin-check-in";
    /** Too many wrong PINs or admin passwords: the code or name is locked for a while. */
    public static final String LOCKOUT = "lockout";

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db) {
        this(db, Clock.systemUTC());
    }

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Appends an entry (in the caller's transaction when there is one). */
    public void record(String actor, String action, String target, String details) {
        db.run(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO audit_log (at_utc, actor, action, target, details) VALUES (?, ?, ?, ?, ?)")) {
                Rows.setInstant(ps, 1, clock.instant());
                ps.setString(2, actor == null || actor.isBlank() ? "system" : actor);
                ps.setString(3, action);
                ps.setString(4, target);
                ps.setString(5, details == null ? null : truncate(details, 4000));
                ps.executeUpdate();
            }
        });
    }

    /** The latest {@code limit} entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, at_utc, actor, action, target, details "
                    + "FROM audit_log ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong("id"), Rows.instant(rs, "at_utc"), rs.getString("actor"),
                                rs.getString("action"), rs.getString("target"), rs.getString("details")));
                    }
                }
                return out;
            }
        });
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
