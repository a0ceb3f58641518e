package io.facecheck.config;

/** How a kiosk decides the direction of a check-in. */
public enum DirectionMode {
    /** Every check-in at this kiosk is an arrival. */
    IN,
    /** Every check-in at this kiosk is a departure. */
    OUT,
    /** Opposite of the person's last event of the day; the first of the day is IN. */
    TOGGLE
}
