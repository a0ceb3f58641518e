package io.facecheck.store;

/** How a check-in was made. */
public enum CheckInMethod {
    /** The kiosk recognised the face (every event logged before the PIN fallback). */
    FACE,
    /** The kiosk's PIN fallback: flagged for review, since no face vouched for it. */
    PIN,
    /** Added by an administrator, with a reason. */
    MANUAL;

    /** Whether an administrator should look at events made this way. */
    public boolean needsReview() {
        return this == PIN;
    }
}
