package io.facecheck.store;

/** Direction of a check-in event. */
public enum Direction {
    IN, OUT;

    public Direction opposite() {
        return this == IN ? OUT : IN;
    }
}
