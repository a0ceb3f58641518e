package io.facecheck.app;

import io.facecheck.store.LockState;

import java.time.Duration;
import java.time.Instant;

/**
 * The rule against guessing a secret (a kiosk PIN, an administrator's password): {@code maxFailures} wrong tries
 * in a row lock it for {@code lockFor}; a right try clears the count. A lock that has run out starts a fresh count.
 */
public record Lockout(int maxFailures, Duration lockFor) {
    /** 5 wrong tries lock for 5 minutes: too few for a 4-digit PIN to be guessed in a working day at a kiosk. */
    public static final Lockout DEFAULT = new Lockout(5, Duration.ofMinutes(5));

    /** The state after one more wrong try at {@code now}. */
    public LockState failed(LockState before, Instant now) {
        int failures = (before.lockedUntil() != null && !before.lockedAt(now) ? 0 : before.failures()) + 1;
        return failures >= maxFailures ? new LockState(failures, now.plus(lockFor)) : new LockState(failures, null);
    }

    /** Wrong tries left before the lock, in state {@code s}. */
    public int remaining(LockState s) {
        return Math.max(0, maxFailures - s.failures());
    }
}
