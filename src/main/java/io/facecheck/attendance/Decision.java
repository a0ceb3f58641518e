package io.facecheck.attendance;

import io.facecheck.store.Direction;

import java.time.Instant;

/**
 * What the policy made of one frame.
 *
 * @param kind      the outcome
 * @param code      employee code (null for {@link Kind#UNKNOWN})
 * @param direction direction to log (only for {@link Kind#CHECK_IN})
 * @param at        the frame's time (from the policy's clock)
 * @param distance  best distance among the agreeing frames (the frame's own for other kinds)
 * @param liveness  the frame's liveness score, or null
 * @param agreeing  frames in the window that accept this identity (and pass liveness when required)
 * @param lastEvent for {@link Kind#DEBOUNCED}: when the person was last logged
 * @param sighting  for {@link Kind#UNKNOWN}: this frame confirmed a new sighting of an unknown face (K of the last
 *                  N frames unknown, after a pause); the caller records it with
 *                  {@link CheckInRecorder#recordUnknown}
 */
public record Decision(Kind kind, String code, Direction direction, Instant at, double distance, Double liveness,
                       int agreeing, Instant lastEvent, boolean sighting) {

    public enum Kind {
        /** Log this check-in now. */
        CHECK_IN,
        /** Identity seen, not yet in K of the last N frames. */
        PENDING,
        /** Already logged within the debounce time; nothing to log. */
        DEBOUNCED,
        /** Not recognised; never logged as an employee. */
        UNKNOWN,
        /** Liveness is required and this frame failed it (or has no score); nothing to log. */
        LIVENESS_FAILED
    }

    public boolean isCheckIn() {
        return kind == Kind.CHECK_IN;
    }

    /** This decision with another liveness score (the one stored with the check-in). */
    public Decision withLiveness(Double score) {
        return new Decision(kind, code, direction, at, distance, score, agreeing, lastEvent, sighting);
    }
}
