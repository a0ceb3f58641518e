package io.facecheck.app;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.facecheck.attendance.CheckInStation;
import io.facecheck.config.LocalizedMessage;
import io.facecheck.config.Settings;
import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInMethod;
import io.facecheck.store.Database;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EmployeePins;
import io.facecheck.store.LockState;
import io.facecheck.store.PinEvidence;
import io.facecheck.store.StoreException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kiosk's PIN fallback, for when the face fails (a mask, a bandage, bad light): an administrator sets an
 * employee's PIN or issues a one-time PIN the employee replaces at its first use; the kiosk checks a code and PIN
 * ({@link Lockout#DEFAULT}: 5 wrong PINs lock the code for 5 minutes, audited) and checks the person in through the
 * kiosk's own {@link CheckInStation} with method {@code PIN}, a crop of the face in view kept as evidence.
 * PINs are kept as bcrypt hashes only.
 */
public final class PinService {
    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 8;
    /** Digits of a one-time PIN. */
    static final int ONE_TIME_DIGITS = 6;
    /**
     * bcrypt cost for PINs: lower than the admin password's (a kiosk checks one per person at the door), the
     * lockout being what stops guessing.
     */
    static final int COST = 10;
    /** A face seen this long before the PIN was confirmed counts as the evidence: the time to type code and PIN. */
    public static final Duration EVIDENCE_WINDOW = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(COST, "00000000".toCharArray());

    /** What a code and PIN proved. */
    public enum Verdict {
        /** Right PIN: the person may check in. */
        ACCEPTED,
        /** Right one-time PIN: the person must choose their own PIN first ({@link #change}). */
        CHANGE_REQUIRED,
        /** Wrong PIN, or no PIN set for the code (the kiosk does not tell which). */
        WRONG,
        /** Too many wrong PINs: the code is locked until {@link Attempt#lockedUntil()}. */
        LOCKED,
        /** The PIN fallback is off, for everyone or for the employee's department. */
        OFF
    }

    /**
     * @param remaining   wrong tries left before the lock (for {@code WRONG})
     * @param lockedUntil for {@code LOCKED}: when the code can be tried again
     */
    public record Attempt(Verdict verdict, String code, int remaining, Instant lockedUntil) {
    }

    /**
     * A PIN check-in.
     *
     * @param attempt what the PIN proved; the rest is empty unless it was {@code ACCEPTED}
     * @param checkIn what the station did with the check-in (logged, or debounced)
     */
    public record Result(Attempt attempt, Optional<CheckInStation.Confirmed> checkIn) {
    }

    private final Database db;
    private final Settings.PinSettings settings;
    private final Clock clock;
    private final Lockout lockout;
    private final EmployeeRepository employees;
    private final EmployeePins pins;
    private final PinEvidence evidence;
    private final AuditLog audit;

    public PinService(Database db, Settings.PinSettings settings) {
        this(db, settings, Clock.systemUTC(), Lockout.DEFAULT);
    }

    public PinService(Database db, Settings.PinSettings settings, Clock clock, Lockout lockout) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.lockout = lockout;
        this.employees = new EmployeeRepository(db);
        this.pins = new EmployeePins(db);
        this.evidence = new PinEvidence(db);
        this.audit = new AuditLog(db, clock);
    }

    public Settings.PinSettings settings() {
        return settings;
    }

    /** Sets an employee's PIN (replacing any, clearing a lock); audited without the PIN. */
    public void set(String code, char[] pin, String actor) {
        String hash = hash(pin);
        db.run(c -> {
            Employee e = employees.require(code);
            pins.set(c, e.id(), hash, false, actor, clock.instant());
            audit.record(actor, AuditLog.PIN_SET, code, null);
        });
    }

    /**
     * Issues a one-time PIN of {@value #ONE_TIME_DIGITS} digits for an employee to use once and replace at the
     * kiosk; returns it (shown to the administrator once, never stored in the clear).
     */
    public String issue(String code, String actor) {
        char[] pin = new char[ONE_TIME_DIGITS];
        for (int i = 0; i < pin.length; i++) {
            pin[i] = (char) ('0' + RANDOM.nextInt(10));
        }
        String hash = hash(pin);
        db.run(c -> {
            Employee e = employees.require(code);
            pins.set(c, e.id(), hash, true, actor, clock.instant());
            audit.record(actor, AuditLog.PIN_ISSUE, code, "one-time PIN");
        });
        return new String(pin);
    }

    /** Whether {@code code} has a PIN (for the admin screen). */
    public boolean hasPin(String code) {
        return pins.find(code).isPresent();
    }

    /**
     * Checks a code and PIN at kiosk {@code kioskId}: a wrong PIN counts towards the lock (the lock audited), a right
     * one clears the count. A locked code is not checked at all.
     */
    public Attempt verify(String code, char[] pin, String kiosk) {
        String kioskId = kiosk == null || kiosk.isBlank() ? "kiosk" : kiosk;
        if (!settings.enabled()) {
            return new Attempt(Verdict.OFF, code, 0, null);
        }
        String c = code == null ? "" : code.strip();
        // bcrypt outside the transaction (a quarter of a second); the row is read again, locked, to count the try
        Optional<EmployeePins.Pin> before = pins.find(c);
        if (before.isEmpty()) {
            BCrypt.verifyer().verify(pin, DUMMY_HASH); // no PIN takes as long as a wrong one
            audit.record(kioskId, AuditLog.PIN_FAILED, c, "no PIN set");
            return new Attempt(Verdict.WRONG, c, lockout.maxFailures(), null);
        }
        if (!before.get().active() || !settings.allowedFor(before.get().department())) {
            return new Attempt(Verdict.OFF, c, 0, null);
        }
        Instant now = clock.instant();
        if (before.get().lock().lockedAt(now)) {
            return new Attempt(Verdict.LOCKED, c, 0, before.get().lock().lockedUntil());
        }
        boolean right = BCrypt.verifyer().verify(pin, before.get().hash()).verified;
        return db.inTransaction(conn -> {
            EmployeePins.Pin p = pins.findForUpdate(conn, c).orElseThrow(() ->
                    new StoreException(StoreException.Kind.NOT_FOUND, LocalizedMessage.of("cli.error.noEmployee", c)));
            if (p.lock().lockedAt(now)) {
                return new Attempt(Verdict.LOCKED, c, 0, p.lock().lockedUntil()); // another kiosk locked it meanwhile
            }
            if (right && p.hash().equals(before.get().hash())) {
                pins.saveLock(conn, p.employeeId(), LockState.CLEAR);
                return new Attempt(p.oneTime() ? Verdict.CHANGE_REQUIRED : Verdict.ACCEPTED, c, lockout.maxFailures(),
                        null);
            }
            LockState after = lockout.failed(p.lock(), now);
            pins.saveLock(conn, p.employeeId(), after);
            audit.record(kioskId, AuditLog.PIN_FAILED, c, "wrong PIN (" + after.failures() + " in a row)");
            if (after.lockedAt(now)) {
                audit.record(kioskId, AuditLog.LOCKOUT, c, "PIN locked until " + after.lockedUntil() + " after "
                        + after.failures() + " wrong PINs");
                return new Attempt(Verdict.LOCKED, c, 0, after.lockedUntil());
            }
            return new Attempt(Verdict.WRONG, c, lockout.remaining(after), null);
        });
    }

    /**
     * Replaces a one-time (or any) PIN by the employee's own, proving the old one again; a wrong old PIN counts as a
     * wrong try. The new PIN must differ from the old.
     */
    public Attempt change(String code, char[] oldPin, char[] newPin, String kioskId) {
        String hash = hash(newPin);
        if (Arrays.equals(oldPin, newPin)) {
            throw new StoreException(StoreException.Kind.INVALID, LocalizedMessage.of("pin.error.same"));
        }
        Attempt a = verify(code, oldPin, kioskId);
        if (a.verdict() != Verdict.ACCEPTED && a.verdict() != Verdict.CHANGE_REQUIRED) {
            return a;
        }
        db.run(c -> {
            Employee e = employees.require(a.code());
            pins.set(c, e.id(), hash, false, a.code(), clock.instant());
            audit.record(kioskId, AuditLog.PIN_SET, a.code(), "changed by the employee at the kiosk");
        });
        return new Attempt(Verdict.ACCEPTED, a.code(), a.remaining(), null);
    }

    /**
     * Checks a code and PIN and, when they are right, checks the person in through {@code station} (the kiosk's
     * check-in path: debounce and direction as for a face) with method {@code PIN}, keeping the face in view as
     * evidence when {@code pin.evidence} is on.
     */
    public Result checkIn(String code, char[] pin, CheckInStation station, String kioskId) {
        Attempt a = verify(code, pin, kioskId);
        if (a.verdict() != Verdict.ACCEPTED) {
            return new Result(a, Optional.empty());
        }
        CheckInStation.Confirmed done = station.checkInConfirmed(a.code(), CheckInMethod.PIN,
                settings.evidence() ? EVIDENCE_WINDOW : null);
        done.logged().ifPresent(e -> audit.record(kioskId, AuditLog.PIN_CHECK_IN, a.code(),
                e.direction() + " event " + e.id() + " (for review)"));
        return new Result(a, Optional.of(done));
    }

    /** Deletes the evidence crops older than {@code pin.evidence-days}; returns how many. */
    public int purgeEvidence() {
        return evidence.purgeBefore(clock.instant().minus(Duration.ofDays(settings.evidenceDays())));
    }

    /**
     * Purges the evidence ({@link #purgeEvidence}) a minute after the call, then every hour, on a daemon thread (a
     * failure is logged and tried again the next hour); closing the result stops it.
     */
    public AutoCloseable scheduleEvidencePurge() {
        java.util.concurrent.ScheduledExecutorService purge = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "pin-evidence-purge");
                    t.setDaemon(true);
                    t.setPriority(Thread.MIN_PRIORITY);
                    return t;
                });
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PinService.class);
        purge.scheduleWithFixedDelay(() -> {
            try {
                int n = purgeEvidence();
                if (n > 0) {
                    log.info("purged {} PIN evidence crops older than {} days", n, settings.evidenceDays());
                }
            } catch (RuntimeException e) {
                log.warn("purging PIN evidence: {}", e.getMessage());
            }
        }, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
        return purge::shutdownNow;
    }

    private static String hash(char[] pin) {
        if (pin == null || pin.length < MIN_DIGITS || pin.length > MAX_DIGITS) {
            throw new StoreException(StoreException.Kind.INVALID,
                    LocalizedMessage.of("pin.error.format", MIN_DIGITS, MAX_DIGITS));
        }
        for (char ch : pin) {
            if (ch < '0' || ch > '9') {
                throw new StoreException(StoreException.Kind.INVALID,
                        LocalizedMessage.of("pin.error.format", MIN_DIGITS, MAX_DIGITS));
            }
        }
        return BCrypt.withDefaults().hashToString(COST, pin);
    }
}
