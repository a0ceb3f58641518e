package io.facecheck.timesheet;

/**
 * Adds up one employee's shift-days into {@link Totals}: scheduled days are working days (a shift, not a holiday;
 * leave and absent days included); present days are {@code present} and {@code incomplete} ones; a late or early
 * day is one with more than 0 such minutes; a missing checkout is a day with an IN left without an OUT.
 */
public final class TotalsCalculator {
    private final String code;
    private int scheduledDays;
    private int presentDays;
    private int absentDays;
    private int leaveDays;
    private int lateCount;
    private int lateMinutes;
    private int earlyLeaveCount;
    private int earlyLeaveMinutes;
    private int workedMinutes;
    private int overtimeMinutes;
    private int missingCheckouts;

    public TotalsCalculator(String code) {
        this.code = code;
    }

    /** Counts one more shift-day of this employee. */
    public TotalsCalculator add(DayResult day) {
        DayRow row = day.row();
        if (!code.equals(row.code())) {
            throw new IllegalArgumentException("a day of " + row.code() + " in the totals of " + code);
        }
        if (day.workingDay()) {
            scheduledDays++;
        }
        switch (row.status()) {
            case PRESENT, INCOMPLETE -> presentDays++;
            case ABSENT -> absentDays++;
            case LEAVE -> leaveDays++;
            default -> { }
        }
        if (row.lateMinutes() > 0) {
            lateCount++;
            lateMinutes += row.lateMinutes();
        }
        if (row.earlyLeaveMinutes() > 0) {
            earlyLeaveCount++;
            earlyLeaveMinutes += row.earlyLeaveMinutes();
        }
        workedMinutes += row.workedMinutes();
        overtimeMinutes += row.overtimeMinutes();
        if (day.missingCheckout()) {
            missingCheckouts++;
        }
        return this;
    }

    public Totals totals() {
        return new Totals(code, scheduledDays, presentDays, absentDays, leaveDays, lateCount, lateMinutes,
                earlyLeaveCount, earlyLeaveMinutes, workedMinutes, overtimeMinutes, missingCheckouts);
    }
}
