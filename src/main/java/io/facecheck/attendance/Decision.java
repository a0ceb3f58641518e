package io.facecheck.attendance;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.store.Direction;

import java.time.Duration;
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

    /**
     * Why this frame logged nothing, in words a person at the kiosk or the command line understands (for example
     * {@code TB was logged 40 s ago (debounce 5 min)}); null for a check-in.
     */
    public LocalizedMessage whyNotLogged(CheckInRules rules) {
        return switch (kind) {
            case CHECK_IN -> null;
            case PENDING -> LocalizedMessage.of("cli.checkin.why.pending", code, agreeing, rules.k());
            case DEBOUNCED -> LocalizedMessage.of("cli.checkin.why.debounced", code,
                    words(Duration.between(lastEvent, at)), words(rules.debounce()));
            case UNKNOWN -> LocalizedMessage.of("cli.checkin.why.unknown");
            case LIVENESS_FAILED -> LocalizedMessage.of("cli.checkin.why.liveness", code);
        };
    }

    /** 40 s, 5 min, 1 min 30 s, 2 h 5 min (40 秒, 5 分, ... in the user's language). */
    private static LocalizedMessage words(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return LocalizedMessage.of("cli.duration.s", s);
        }
        if (s < 3600) {
            return s % 60 == 0 ? LocalizedMessage.of("cli.duration.min", s / 60)
                    : LocalizedMessage.of("cli.duration.minS", s / 60, s % 60);
        }
        return s % 3600 / 60 == 0 ? LocalizedMessage.of("cli.duration.h", s / 3600)
                : LocalizedMessage.of("cli.duration.hMin", s / 3600, s % 3600 / 60);
    }

    /** This decision with another liveness score (the one stored with the check-in). */
    public Decision withLiveness(Double score) {
        return new Decision(kind, code, direction, at, distance, score, agreeing, lastEvent, sighting);
    }
}
