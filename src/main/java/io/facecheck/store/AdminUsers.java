package io.facecheck.store;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Administrator accounts. Passwords are kept only as bcrypt hashes (cost {@value #COST}); logins, successful or
 * not, are audited.
 */
public final class AdminUsers {
    /** bcrypt cost factor: 2^12 rounds, about a quarter of a second per check. */
    public static final int COST = 12;
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    public AdminUsers(Database db) {
        this(db, Clock.systemUTC());
    }

    public AdminUsers(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(db, clock);
    }

    /** Whether any administrator exists (the app asks to create one on first run when not). */
    public boolean any() {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM admin_user");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    /** Administrator names, sorted. */
    public List<String> names() {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT name FROM admin_user ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    /**
     * Adds an administrator.
     *
     * @throws StoreException {@code CONFLICT} if the name exists, {@code INVALID} for a too short or long password
     */
    public void add(String name, char[] password, String actor) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new StoreException(StoreException.Kind.INVALID, "admin user name must be 1 to 100 characters");
        }
        byte[] pw = checkedBytes(password);
        String hash;
        try {
            hash = BCrypt.withDefaults().hashToString(COST, toChars(pw));
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        db.run(conn -> {
            if (exists(n)) {
                throw new StoreException(StoreException.Kind.CONFLICT, "admin user " + n + " already exists");
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO admin_user (name, password_hash, created_at) VALUES (?, ?, ?)")) {
                ps.setString(1, n);
                ps.setString(2, hash);
                Rows.setInstant(ps, 3, clock.instant());
                ps.executeUpdate();
            }
            audit.record(actor, AuditLog.ADMIN_USER, n, "added");
        });
    }

    /** Replaces an administrator's password. */
    public void changePassword(String name, char[] password, String actor) {
        byte[] pw = checkedBytes(password);
        String hash;
        try {
            hash = BCrypt.withDefaults().hashToString(COST, toChars(pw));
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        db.run(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE admin_user SET password_hash = ? WHERE name = ?")) {
                ps.setString(1, hash);
                ps.setString(2, name);
                if (ps.executeUpdate() == 0) {
                    throw new StoreException(StoreException.Kind.NOT_FOUND, "no admin user " + name);
                }
            }
            audit.record(actor, AuditLog.ADMIN_USER, name, "password changed");
        });
    }

    /** Checks a login; audits the attempt either way. Unknown names take as long as wrong passwords. */
    public boolean verify(String name, char[] password) {
        Optional<String> hash = hashOf(name);
        boolean ok = hash.isPresent()
                && BCrypt.verifyer().verify(password, hash.get()).verified;
        if (hash.isEmpty()) {
            // spend the same time as a real check, so a wrong name is not told apart by timing
            BCrypt.verifyer().verify(password, DUMMY_HASH);
        }
        db.run(conn -> {
            if (ok) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "UPDATE admin_user SET last_login = ? WHERE name = ?")) {
                    Rows.setInstant(ps, 1, clock.instant());
                    ps.setString(2, name);
                    ps.executeUpdate();
                }
            }
            audit.record(name, ok ? AuditLog.LOGIN : AuditLog.LOGIN_FAILED, name, null);
        });
        return ok;
    }

    /** The wrong tries at {@code name}'s password since the last right one; CLEAR for an unknown name. */
    public LockState lockState(String name) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT failed_attempts, locked_until FROM admin_user WHERE name = ? FOR UPDATE")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new LockState(rs.getInt(1), Rows.instant(rs, "locked_until")) : LockState.CLEAR;
                }
            }
        });
    }

    /** Writes the wrong tries and lock of {@code name}'s password (nothing for an unknown name). */
    public void saveLockState(String name, LockState lock) {
        db.run(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE admin_user SET failed_attempts = ?, locked_until = ? WHERE name = ?")) {
                ps.setInt(1, lock.failures());
                Rows.setInstant(ps, 2, lock.lockedUntil());
                ps.setString(3, name);
                ps.executeUpdate();
            }
        });
    }

    /** Whether an administrator {@code name} exists. */
    public boolean exists(String name) {
        return hashOf(name).isPresent();
    }

    /** Removes an administrator; returns whether it existed. */
    public boolean delete(String name, String actor) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM admin_user WHERE name = ?")) {
                ps.setString(1, name);
                boolean removed = ps.executeUpdate() > 0;
                if (removed) {
                    audit.record(actor, AuditLog.ADMIN_USER, name, "deleted");
                }
                return removed;
            }
        });
    }

    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(COST, "not-a-password".toCharArray());

    private Optional<String> hashOf(String name) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT password_hash FROM admin_user WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private static byte[] checkedBytes(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new StoreException(StoreException.Kind.INVALID,
                    "password too short: at least " + MIN_PASSWORD + " characters");
        }
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] b = new byte[bb.remaining()];
        bb.get(b);
        if (b.length > MAX_PASSWORD_BYTES) {
            Arrays.fill(b, (byte) 0);
            throw new StoreException(StoreException.Kind.INVALID,
                    "password too long: at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt ignores the rest)");
        }
        return b;
    }

    private static char[] toChars(byte[] utf8) {
        CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] c = new char[cb.remaining()];
        cb.get(c);
        return c;
    }
}
