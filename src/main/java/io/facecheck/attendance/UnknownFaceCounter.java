package io.facecheck.attendance;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts sightings of unknown faces, without storing them. Unknown frames closer together than {@code gap} are
 * one sighting, so a stranger standing at the kiosk counts once.
 */
public final class UnknownFaceCounter {
    private final Duration gap;
    private Instant lastSeen;
    private long count;

    public UnknownFaceCounter(Duration gap) {
        this.gap = gap;
    }

    /** Notes a confirmed unknown face at {@code at}; returns whether it started a new sighting. */
    public synchronized boolean seen(Instant at) {
        boolean fresh = lastSeen == null || Duration.between(lastSeen, at).compareTo(gap) > 0;
        lastSeen = at;
        if (fresh) {
            count++;
        }
        return fresh;
    }

    /** Unknown sightings so far. */
    public synchronized long count() {
        return count;
    }
}
