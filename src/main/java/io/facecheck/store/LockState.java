package io.facecheck.store;

import java.time.Instant;

/**
 * Wrong attempts at a secret (an employee's PIN, an administrator's password) since the last right one, and until
 * when the secret is locked because of them (null: not locked).
 */
public record LockState(int failures, Instant lockedUntil) {
    public static final LockState CLEAR = new LockState(0, null);

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
