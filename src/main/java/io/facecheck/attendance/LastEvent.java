package io.facecheck.attendance;

import io.facecheck.store.Direction;

import java.time.Instant;

/** When and in which direction a person was last logged. */
public record LastEvent(Instant at, Direction direction) {
}
