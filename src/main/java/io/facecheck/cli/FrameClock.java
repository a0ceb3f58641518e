package io.facecheck.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time of the frame being analysed, for commands that feed recorded frames to the kiosk's check-in policy
 * ({@code checkin}, {@code bench --greeting}): set or moved forward by the command, never by the wall clock.
 */
final class FrameClock extends Clock {
    private volatile Instant now;

    FrameClock(Instant start) {
        now = start;
    }

    void set(Instant t) {
        now = t;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
