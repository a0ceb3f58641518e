package io.facecheck.app;

import io.facecheck.store.AdminUsers;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;

import java.util.List;

/**
 * The administrators' accounts and their sessions: the first account of a fresh install, logging in and out, and
 * the kiosk's unlock. Every attempt is audited (by {@link AdminUsers#verify}); so are leaving the admin screens and
 * closing the kiosk, which only the front ends see happen.
 */
public final class AdminAccountService {
    /** Shortest password an administrator may choose. */
    public static final int MIN_PASSWORD = AdminUsers.MIN_PASSWORD;
    /** Audit action of an administrator closing the kiosk window. */
    public static final String KIOSK_EXIT = "kiosk-exit";
    /** Audit action of an administrator leaving the admin screens. */
    public static final String LOGOUT = "logout";

    private final AdminUsers users;
    private final AuditLog audit;
    private final AdminLoginService logins;

    public AdminAccountService(Database db) {
        this(db, new AdminLoginService(db));
    }

    /** @param logins checks passwords under the lockout (5 wrong → 5 minutes, audited) */
    public AdminAccountService(Database db, AdminLoginService logins) {
        this.users = new AdminUsers(db);
        this.audit = new AuditLog(db);
        this.logins = logins;
    }

    /** Whether no administrator exists yet, so the screens ask to create the first one. */
    public boolean firstRun() {
        return !users.any();
    }

    /**
     * Creates an administrator and logs them in (the first run, where whoever installs FaceCheck sets the first
     * account up; the creation is audited with themselves as the actor). Slow (bcrypt): off the FX thread.
     */
    public AdminLoginService.Result createAndLogIn(String name, char[] password) {
        users.add(name, password, name);
        return logins.login(name, password);
    }

    /**
     * Checks a login under the lockout (5 wrong passwords lock the name for 5 minutes, and the lock is audited);
     * audited either way. Slow (bcrypt): off the FX thread.
     */
    public AdminLoginService.Result logIn(String name, char[] password) {
        return logins.login(name, password);
    }

    /** Records that {@code name} left the admin screens. */
    public void logOut(String name) {
        audit.record(name, LOGOUT, name, null);
    }

    /**
     * Checks an administrator's login at the locked kiosk; with the right one the kiosk may close, and that is
     * audited as well as the login.
     */
    public AdminLoginService.Result unlockKiosk(String name, char[] password) {
        AdminLoginService.Result r = logins.login(name, password);
        if (r.ok()) {
            audit.record(name, KIOSK_EXIT, name, null);
        }
        return r;
    }

    /** Administrator names, sorted. */
    public List<String> names() {
        return users.names();
    }

    /** Adds an administrator, audited with {@code actor}. */
    public void add(String name, char[] password, String actor) {
        users.add(name, password, actor);
    }

    /** Replaces an administrator's password, audited with {@code actor}. */
    public void changePassword(String name, char[] password, String actor) {
        users.changePassword(name, password, actor);
    }

    /** Removes an administrator, audited with {@code actor}; whether there was one. */
    public boolean delete(String name, String actor) {
        return users.delete(name, actor);
    }
}
