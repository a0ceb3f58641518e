package io.facecheck.timesheet;

/** One employee's totals over a timesheet period. */
public record Totals(String code, int scheduledDays, int presentDays, int absentDays, int leaveDays, int lateCount,
                     int lateMinutes, int earlyLeaveCount, int earlyLeaveMinutes, int workedMinutes,
                     int overtimeMinutes, int missingCheckouts) {
}
