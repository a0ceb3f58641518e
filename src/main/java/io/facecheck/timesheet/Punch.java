package io.facecheck.timesheet;

import java.time.Instant;
import java.util.Objects;

/** One check-in event as the rules see it: an instant and a direction. */
public record Punch(Instant at, PunchType type) {
    public Punch {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
    }
}
