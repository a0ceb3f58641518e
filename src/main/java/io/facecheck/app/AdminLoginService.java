package io.facecheck.app;

import io.facecheck.store.AdminUsers;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.LockState;

import java.time.Clock;
import java.time.Instant;

/**
 * An administrator's password check wherever it is typed (the admin login, the locked kiosk's unlock dialog), under
 * the same {@link Lockout} as the kiosk's PINs: 5 wrong passwords lock the name for 5 minutes, audited. Each try is
 * audited by {@link AdminUsers#verify} (login / login-failed).
 */
public final class AdminLoginService {
    public enum Outcome { OK, WRONG, LOCKED }

    /** @param lockedUntil for {@code LOCKED}: when the name can be tried again */
    public record Result(Outcome outcome, Instant lockedUntil) {
        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    private final Database db;
    private final AdminUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final Lockout lockout;

    public AdminLoginService(Database db) {
        this(db, Clock.systemUTC(), Lockout.DEFAULT);
    }

    public AdminLoginService(Database db, Clock clock, Lockout lockout) {
        this.db = db;
        this.users = new AdminUsers(db, clock);
        this.audit = new AuditLog(db, clock);
        this.clock = clock;
        this.lockout = lockout;
    }

    /** Checks {@code name}'s password; a locked name is refused without checking it. */
    public Result login(String name, char[] password) {
        Instant now = clock.instant();
        LockState before = users.lockState(name);
        if (before.lockedAt(now)) {
            audit.record(name, AuditLog.LOGIN_FAILED, name, "locked until " + before.lockedUntil());
            return new Result(Outcome.LOCKED, before.lockedUntil());
        }
        boolean ok = users.verify(name, password);
        if (!users.exists(name)) {
            return new Result(Outcome.WRONG, null); // nothing to lock: an unknown name never logs in
        }
        return db.inTransaction(c -> {
            LockState current = users.lockState(name);
            if (ok) {
                users.saveLockState(name, LockState.CLEAR);
                return new Result(Outcome.OK, null);
            }
            LockState after = lockout.failed(current, now);
            users.saveLockState(name, after);
            if (after.lockedAt(now)) {
                audit.record(name, AuditLog.LOCKOUT, name, "password locked until " + after.lockedUntil() + " after "
                        + after.failures() + " wrong passwords");
                return new Result(Outcome.LOCKED, after.lockedUntil());
            }
            return new Result(Outcome.WRONG, null);
        });
    }
}
