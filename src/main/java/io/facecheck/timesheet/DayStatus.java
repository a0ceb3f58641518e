package io.facecheck.timesheet;

/** What a shift-day was for one employee. */
public enum DayStatus {
    /** Scheduled or not, with IN and OUT. */
    PRESENT,
    /** A scheduled day, not a holiday, not on full-day leave, with no IN. */
    ABSENT,
    /** Full-day leave. */
    LEAVE,
    /** A holiday with no work. */
    HOLIDAY,
    /** A rest day with no work. */
    REST,
    /**
     * A punch that pairs with nothing: an IN with no OUT after it (a missing checkout), or an OUT with no IN before
     * it (a missing check-in). Either way the record needs a correction; only paired time is worked time.
     */
    INCOMPLETE;

    /** The lower-case word used in JSON and CSV. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
