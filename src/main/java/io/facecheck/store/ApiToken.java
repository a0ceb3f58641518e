package io.facecheck.store;

import java.time.Instant;
import java.util.Set;

/**
 * A token of the HTTP API as stored: never its secret, only what it may do and when it was used.
 *
 * @param scopes   what it may do, e.g. {@code employees:read}
 * @param lastUsed when it last authenticated a request (to the minute), null when never
 * @param revoked  when it was revoked, null while it is valid
 */
public record ApiToken(long id, String name, Set<String> scopes, Instant created, Instant lastUsed, Instant revoked) {
    public ApiToken {
        scopes = Set.copyOf(scopes);
    }

    public boolean active() {
        return revoked == null;
    }
}
